import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StaffProfile } from '../../shared/staff';
import { catalog } from '../catalog';
import { useLang } from '../i18n';
import { useStaffT } from '../i18n/useStaffT';
import type { StaffMessageKey } from '../i18n/staffDictionary';
import { useHall } from '../net/hallStore';
import { ChatBox, lastOf } from '../live/ChatBox';
import { CallControls } from '../voice/CallControls';

/** Re-renders every 15 s so waiting times stay current. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

const REFUSALS: Record<string, StaffMessageKey> = {
  queue_empty: 'refused_queue_empty',
  not_on_duty: 'refused_not_on_duty',
};

/** The officer's counter: the queue with waiting times, call the next citizen, the chat, done. Supervisors see every counter. */
export function QueueTab({ staff }: { staff: StaffProfile }) {
  const t = useStaffT();
  const lang = useLang();
  const now = useNow();
  const titleId = useId();
  const { status, sessionId, counters, conversation } = useHall(
    useShallow((s) => ({ status: s.status, sessionId: s.sessionId, counters: s.counters, conversation: s.conversation })),
  );
  const refusal = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && (n.detail.type === 'callNext' || n.detail.type === 'endService')));

  if (status !== 'connected' && status !== 'reconnecting') return <p className="hint">{t('hallNotConnected')}</p>;

  if (staff.role === 'supervisor') {
    return (
      <section className="console-section" aria-label={t('allCounters')}>
        <h3>{t('allCounters')}</h3>
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{t('agencyFilter')}</th>
              <th scope="col">{t('counterOfficer')}</th>
              <th scope="col">{t('counterQueue')}</th>
              <th scope="col">{t('queueActions')}</th>
            </tr>
          </thead>
          <tbody>
            {catalog.agencies.map((a) => (
              <tr key={a.code}>
                <th scope="row">{a.short_name[lang]}</th>
                <td>{counters[a.code]?.officer || t('selfService')}</td>
                <td>{counters[a.code]?.queue.length ?? 0}</td>
                <td>
                  {(counters[a.code]?.queue.length ?? 0) > 0 &&
                    (['repeated', 'all'] as const).map((scope) => (
                      <button
                        key={scope}
                        type="button"
                        className="secondary-button"
                        data-action={`clear-${scope}`}
                        data-counter={a.code}
                        aria-label={t('clearLabel', { action: t(scope === 'all' ? 'clearAll' : 'clearRepeated'), agency: a.short_name[lang] })}
                        onClick={() => useHall.getState().send('clearQueue', { counter: a.code, scope })}
                      >
                        {t(scope === 'all' ? 'clearAll' : 'clearRepeated')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }

  const code = staff.agency_code ?? '';
  const agency = catalog.agencies.find((a) => a.code === code);
  const counter = counters[code];
  const mine = counter?.officerSessionId === sessionId;
  const queue = counter?.queue ?? [];
  const call = () => {
    const hall = useHall.getState();
    if (refusal) hall.dismissNotice(refusal.id);
    hall.send('callNext', {});
  };

  return (
    <section className="console-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('queueTitle', { agency: agency?.short_name[lang] ?? code })}</h3>
      {!mine && <p className="notice">{t('notAtCounter')}</p>}
      <p className="sr-only" role="status">
        {t('announceNewInQueue', { count: queue.length })}
      </p>
      {queue.length === 0 ? (
        <p className="hint" data-queue-empty>
          {t('queueEmpty')}
        </p>
      ) : (
        <>
          <p className="hint">{t('queueCount', { count: queue.length })}</p>
          <ol className="console-queue">
            {queue.map((q) => {
              const minutes = Math.max(0, Math.floor((now - q.since) / 60_000));
              return (
                <li key={q.ticket} data-ticket={q.ticket}>
                  <span className="queue-ticket-no">{q.ticket}</span>
                  <span className="hint">{minutes < 1 ? t('waitedJustNow') : t('waitedMinutes', { minutes })}</span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <div className="console-actions">
        <button type="button" className="primary-button" onClick={call} disabled={!mine || queue.length === 0} data-action="call-next">
          {t('callNext')}
        </button>
        {counter?.serving && (
          <button type="button" className="secondary-button" onClick={() => useHall.getState().send('endService', {})} data-action="end-service">
            {t('endService')}
          </button>
        )}
      </div>
      {refusal && (
        <p className="field-error" role="alert">
          {t(REFUSALS[String(refusal.detail.reason)] ?? 'refused_not_on_duty')}
        </p>
      )}
      {counter?.serving && <p className="hint">{t('serving', { ticket: counter.serving })}</p>}
      {conversation && conversation.counter === code && !conversation.ended && <CallControls other={conversation.citizen || conversation.ticket} />}
      {conversation && conversation.counter === code && <ChatBox conversation={conversation} me="officer" />}
    </section>
  );
}
