import { useEffect, useId, useState } from 'react';
import { useStaffT } from '../i18n/useStaffT';
import type { StaffMessageKey } from '../i18n/staffDictionary';
import { useHall } from '../net/hallStore';
import { remoteVisitors } from '../net/remoteVisitors';
import { lastOf } from '../live/ChatBox';

interface Row {
  id: string;
  name: string;
  role: string;
  muted: boolean;
}

const ROLE: Record<string, StaffMessageKey> = { citizen: 'roleCitizen', officer: 'roleOfficer', supervisor: 'roleSupervisor' };

/** The visitors list (with who is muted), read from the positions map once a second (it changes in place, not through React). */
function useVisitors(): Row[] {
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    let seen = -1;
    let names = '';
    const read = () => {
      const list = [...remoteVisitors.byId].map(([id, v]) => ({ id, name: v.name, role: v.role, muted: v.muted }));
      const key = list.map((r) => `${r.id}:${r.name}:${r.muted}`).join('|');
      if (remoteVisitors.version === seen && key === names) return;
      seen = remoteVisitors.version;
      names = key;
      setRows(list.sort((a, b) => a.name.localeCompare(b.name)));
    };
    read();
    const id = setInterval(read, 1000);
    return () => clearInterval(id);
  }, []);
  return rows;
}

/** Supervisors: everyone in the hall, with mute and remove for citizens. */
export function VisitorsTab() {
  const t = useStaffT();
  const titleId = useId();
  const rows = useVisitors();
  const [confirming, setConfirming] = useState<string | null>(null);
  const refusal = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && n.detail.type === 'moderate'));

  const moderate = (sessionId: string, action: 'mute' | 'unmute' | 'remove') => {
    const hall = useHall.getState();
    if (refusal) hall.dismissNotice(refusal.id);
    // The room's state says who is muted; the list shows it within a second.
    hall.send('moderate', { sessionId, action });
    setConfirming(null);
  };

  return (
    <section className="console-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('visitorsTitle')}</h3>
      {refusal && (
        <p className="field-error" role="alert">
          {t(String(refusal.detail.reason) === 'unknown_visitor' ? 'refused_unknown_visitor' : 'refused_not_supervisor')}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="hint">{t('visitorsEmpty')}</p>
      ) : (
        <ul className="visitor-list">
          {rows.map((r) => (
            <li key={r.id} data-visitor={r.id}>
              <span className="visitor-name">{r.name}</span>
              <span className="hint">{t(ROLE[r.role] ?? 'roleCitizen')}</span>
              {r.role === 'citizen' && (
                <span className="visitor-actions">
                  {r.muted ? (
                    <button type="button" className="secondary-button" onClick={() => moderate(r.id, 'unmute')} aria-label={`${t('unmute')}: ${r.name}`}>
                      {t('unmute')}
                    </button>
                  ) : (
                    <button type="button" className="secondary-button" onClick={() => moderate(r.id, 'mute')} aria-label={`${t('mute')}: ${r.name}`}>
                      {t('mute')}
                    </button>
                  )}
                  {confirming === r.id ? (
                    <button type="button" className="danger-button" onClick={() => moderate(r.id, 'remove')} data-action="confirm-remove">
                      {t('removeConfirm', { name: r.name })}
                    </button>
                  ) : (
                    <button type="button" className="secondary-button" onClick={() => setConfirming(r.id)} aria-label={`${t('remove')}: ${r.name}`}>
                      {t('remove')}
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
