import { useT } from '../i18n';
import { queuePosition, useHall } from '../net/hallStore';
import { useAppStore } from '../state';

/** The citizen's queue number in the header, wherever they are; a tap opens that counter. */
export function QueuePill() {
  const t = useT();
  const place = useHall((s) => {
    for (const [code, counter] of Object.entries(s.counters)) {
      const p = queuePosition(counter, s.sessionId);
      if (p) return `${code}|${p.ticket}|${p.position}`;
    }
    return null;
  });
  const panel = useAppStore((s) => s.panel);
  const openCounter = useAppStore((s) => s.openCounter);
  if (!place) return null;
  const [code, ticket, position] = place.split('|');
  if (panel?.kind === 'counter' && panel.agency === code) return null;
  return (
    <button type="button" className="hud-button queue-pill" data-queue-pill={code} onClick={() => openCounter(code)}>
      {t('queuePill', { ticket, position })}
    </button>
  );
}
