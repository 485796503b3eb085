import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../i18n';
import { queuePosition, useHall } from '../net/hallStore';
import { useAppStore } from '../state';
import { AttachTranscript } from './AttachTranscript';
import { ChatBox, lastOf } from './ChatBox';
import { OfferedCase } from './OfferedCase';
import { CallControls } from '../voice/CallControls';

const QUEUE_REFUSALS: Record<string, MessageKey> = {
  counter_not_live: 'queueRefused_counter_not_live',
  already_queued: 'queueRefused_already_queued',
};

/**
 * The live side of a counter with an officer on duty: take a queue number, see the place in
 * line and the wait (read out when it changes), then the chat once called; and, after a
 * conversation, attach it to a report.
 */
export function LiveCounter({ code }: { code: string }) {
  const t = useT();
  const { counter, sessionId, conversation, status } = useHall(
    useShallow((s) => ({ counter: s.counters[code], sessionId: s.sessionId, conversation: s.conversation, status: s.status })),
  );
  const refusal = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && n.detail.type === 'queueTake'));
  const filed = useAppStore((s) => s.filed);
  const isStaff = useAppStore((s) => s.staff !== null);
  const mine = conversation?.counter === code ? conversation : null;
  const place = queuePosition(counter, sessionId);
  const ticket = filed?.agency === code && filed.state === 'sent' && !filed.isToken ? filed.ticket : undefined;

  if (mine) {
    return (
      <div className="live-counter live-counter--chat">
        {!mine.ended && <CallControls other={mine.officer} />}
        <ChatBox conversation={mine} me="citizen" />
        {mine.offered?.privateLink ? (
          <OfferedCase id={mine.offered.id} privateLink={mine.offered.privateLink} />
        ) : (
          <AttachTranscript ticket={ticket} />
        )}
      </div>
    );
  }
  if (isStaff || status !== 'connected' || !counter?.officer) return null;

  const take = () => {
    const hall = useHall.getState();
    if (refusal) hall.dismissNotice(refusal.id);
    hall.send('queueTake', { counter: code });
  };
  const leave = () => useHall.getState().send('queueLeave', {});

  return (
    <section className="live-counter" aria-label={t('liveTitle')} data-live={code}>
      <p className="live-title">{t('liveTitle')}</p>
      {counter.officerAway && <p className="hint">{t('officerAway')}</p>}
      {place ? (
        <>
          <div className="queue-ticket" role="status" data-queue-ticket={place.ticket} data-position={place.position}>
            <span className="queue-label" aria-hidden="true">{t('queueTicket')}</span>
            <span className="queue-number" aria-hidden="true">{place.ticket}</span>
            <span className="queue-place" aria-hidden="true">
              {t('queuePosition', { position: place.position })} · {t('queueWait', { minutes: place.waitMinutes })}
            </span>
            <span className="sr-only">{t('queueStatus', { ticket: place.ticket, position: place.position, minutes: place.waitMinutes })}</span>
          </div>
          <p className="hint">{t('queueWhileWaiting')}</p>
          <button type="button" className="secondary-button" onClick={leave} data-action="queue-leave">
            {t('queueLeave')}
          </button>
        </>
      ) : (
        <>
          <p className="hint">{t('liveLead', { name: counter.officer })}</p>
          <button type="button" className="primary-button" onClick={take} data-action="queue-take">
            {t('queueTake')}
          </button>
          {refusal && (
            <p className="field-error" role="alert">
              {t(QUEUE_REFUSALS[String(refusal.detail.reason)] ?? 'queueRefused_other')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
