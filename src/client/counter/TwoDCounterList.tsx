import type { CSSProperties } from 'react';
import type { AgencySummary } from '../../shared/catalog';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { useLiveCounters } from '../live/useLiveCounters';
import { StatusBadge } from '../components/StatusBadge';

/** The counters as a navigation list of buttons, for keyboards and screen readers. */
export function TwoDCounterList({ agencies }: { agencies: AgencySummary[] }) {
  const t = useT();
  const lang = useLang();
  const panel = useAppStore((s) => s.panel);
  const openCounter = useAppStore((s) => s.openCounter);
  const { statuses, officerNames } = useLiveCounters();
  const current = panel?.kind === 'counter' ? panel.agency : null;
  return (
    <nav className="counter-list" aria-label={t('countersTitle')}>
      <ul>
        {agencies.map((a) => (
          <li key={a.code}>
            <button
              type="button"
              className="counter-button"
              data-counter={a.code}
              aria-current={current === a.code ? 'true' : undefined}
              onClick={() => openCounter(a.code)}
              style={{ '--accent': a.color } as CSSProperties}
            >
              <span className="counter-swatch" aria-hidden="true" />
              <span className="counter-text">
                <span className="counter-name">{a.short_name[lang]}</span>
                {a.name[lang] !== a.short_name[lang] && <span className="counter-full">{a.name[lang]}</span>}
              </span>
              <StatusBadge status={statuses[a.code] ?? 'self_service'} officer={officerNames[a.code]} />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
