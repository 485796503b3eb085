import type { AgencySummary } from '../../shared/catalog';
import { catalog } from '../catalog';
import { routeInteraction, type Interaction } from '../api';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { StepHeading } from '../components/StepHeading';

/** The services an interaction can file to at this counter. */
export function ServiceList({ agency, interaction }: { agency: AgencySummary; interaction: Interaction }) {
  const t = useT();
  const lang = useLang();
  const chooseService = useAppStore((s) => s.chooseService);
  const back = useAppStore((s) => s.back);
  const route = routeInteraction(catalog, agency.code, interaction);
  const services = route.call === 'postRequest' ? route.services : [];
  return (
    <div className="step">
      <StepHeading>{t('chooseService')}</StepHeading>
      <ul className="choice-list">
        {services.map((service) => (
          <li key={service.code}>
            <button type="button" className="choice choice--service" data-service={service.code} onClick={() => chooseService(service.code)}>
              <span className="choice-title">{service.name[lang]}</span>
              <span className="choice-text">{service.description[lang]}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary-button" onClick={back}>
        {t('back')}
      </button>
    </div>
  );
}
