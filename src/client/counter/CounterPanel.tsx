import { useShallow } from 'zustand/react/shallow';
import { catalog } from '../catalog';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { GeneralCounter } from './GeneralCounter';
import { InteractionMenu } from './InteractionMenu';
import { LiveCounter } from '../live/LiveCounter';
import { useLiveCounters } from '../live/useLiveCounters';
import { PanelFrame } from '../components/PanelFrame';
import { ServiceForm } from '../forms/ServiceForm';
import { ServiceList } from './ServiceList';
import { StatusBadge } from '../components/StatusBadge';
import { TicketResult } from '../tracker/TicketResult';

/** Being served at a counter: what to do, which service, its form, and the ticket. */
export function CounterPanel({ agencyCode, variant }: { agencyCode: string; variant: 'sheet' | 'region' }) {
  const t = useT();
  const lang = useLang();
  const { step, interaction, serviceCode, prefill, filed, closePanel } = useAppStore(
    useShallow((s) => ({
      step: s.step,
      interaction: s.interaction,
      serviceCode: s.serviceCode,
      prefill: s.prefill,
      filed: s.filed,
      closePanel: s.closePanel,
    })),
  );
  const { statuses, officerNames } = useLiveCounters();
  const agency = catalog.agencies.find((a) => a.code === agencyCode);
  if (!agency) return null;
  const service = serviceCode ? catalog.services.get(serviceCode)?.service : undefined;

  return (
    <PanelFrame
      title={agency.name[lang]}
      variant={variant}
      accent={agency.color}
      onClose={closePanel}
      meta={
        <p className="panel-meta">
          <StatusBadge status={statuses[agency.code] ?? 'self_service'} officer={officerNames[agency.code]} />
          <span className="hours">{t('hours', { open: agency.hours.open, close: agency.hours.close })}</span>
        </p>
      }
    >
      <LiveCounter code={agency.code} />
      {step === 'menu' && <InteractionMenu agency={agency} />}
      {step === 'services' && interaction && <ServiceList agency={agency} interaction={interaction} />}
      {step === 'general' && <GeneralCounter agency={agency} />}
      {step === 'form' && service && <ServiceForm key={service.code} agency={agency} service={service} prefill={prefill} />}
      {step === 'result' && filed && <TicketResult filed={filed} />}
    </PanelFrame>
  );
}
