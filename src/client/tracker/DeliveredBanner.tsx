import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useAppStore } from '../state';

/** Tickets of reports that were kept offline and sent later, while no panel showed them. */
export function DeliveredBanner() {
  const t = useT();
  const { delivered, dismiss, openTracker } = useAppStore(
    useShallow((s) => ({ delivered: s.delivered, dismiss: s.dismissDelivered, openTracker: s.openTracker })),
  );
  if (delivered.length === 0) return null;
  return (
    <div className="notice notice--ok" role="note">
      {delivered.map((ticket) => (
        <p key={ticket}>
          {t('announceTicket', { id: ticket })}{' '}
          <button type="button" className="link-button" onClick={() => openTracker(ticket)}>
            {t('trackThis')}
          </button>
        </p>
      ))}
      <button type="button" className="link-button" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
