import { useState } from 'react';
import { useFeatureT } from '../i18n';
import { formStrings } from '../i18n/formStrings';
import { useKiosk } from '../kiosk/kioskStore';
import { useAppStore } from '../state';
import { forgetMyTicket, loadMyTickets } from './myTickets';

/** "Laporan saya": the tickets kept on this device, each one tap from its status. */
export function MyTickets() {
  const t = useFeatureT(formStrings);
  const kiosk = useKiosk((s) => s.active);
  const openTracker = useAppStore((s) => s.openTracker);
  const [list, setList] = useState(loadMyTickets);
  if (kiosk || list.length === 0) return null;
  return (
    <section className="my-tickets" aria-labelledby="my-tickets-title">
      <h3 id="my-tickets-title">{t('myTickets')}</h3>
      <p className="hint">{t('myTicketsHint')}</p>
      <ul>
        {list.map((ticket) => (
          <li key={ticket.id}>
            <button type="button" className="link-button my-ticket" data-my-ticket={ticket.id} onClick={() => openTracker(ticket.id)}>
              <strong>{ticket.id}</strong> <span>{ticket.service}</span>
            </button>
            <button
              type="button"
              className="close-button"
              aria-label={t('forgetTicket', { id: ticket.id })}
              onClick={() => {
                forgetMyTicket(ticket.id);
                setList(loadMyTickets());
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
