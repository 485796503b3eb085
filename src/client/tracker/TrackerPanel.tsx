import { useT } from '../i18n';
import { useAppStore } from '../state';
import { PanelFrame } from '../components/PanelFrame';
import { Tracker } from './Tracker';

export function TrackerPanel({ ticket, variant }: { ticket?: string; variant: 'sheet' | 'region' }) {
  const t = useT();
  const closePanel = useAppStore((s) => s.closePanel);
  return (
    <PanelFrame title={t('trackerTitle')} variant={variant} onClose={closePanel}>
      <Tracker key={ticket ?? ''} initialTicket={ticket} />
    </PanelFrame>
  );
}
