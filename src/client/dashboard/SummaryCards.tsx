import type { FigureValues } from '../../shared/figures';
import { fmtHours, fmtNumber, fmtPct, fmtSeconds } from './format';
import { filedOf } from './series';
import { useLang, useT } from './strings';

/** The window's headline numbers, one card each. */
export function SummaryCards({ overall }: { overall: FigureValues }) {
  const lang = useLang();
  const t = useT();
  const cards: { key: string; label: string; value: string; note?: string }[] = [
    { key: 'visits', label: t('visits'), value: fmtNumber(overall.visits, lang) },
    { key: 'queue', label: t('queueTaken'), value: fmtNumber(overall.queue_taken, lang), note: `${t('queueCalled')}: ${fmtNumber(overall.queue_called, lang)}` },
    { key: 'wait', label: t('waitAvg'), value: fmtSeconds(overall.queue_wait_avg_seconds, lang), note: `p90: ${fmtSeconds(overall.queue_wait_p90_seconds, lang)}` },
    { key: 'abandoned', label: t('abandoned'), value: fmtNumber(overall.queue_abandoned, lang) },
    { key: 'chats', label: t('chats'), value: fmtNumber(overall.chats, lang) },
    {
      key: 'filed',
      label: t('filed'),
      value: fmtNumber(filedOf(overall), lang),
      note: `${t('complaints')} ${fmtNumber(overall.complaints_filed, lang)} · ${t('requests')} ${fmtNumber(overall.requests_filed, lang)}`,
    },
    { key: 'response', label: t('firstResponse'), value: fmtHours(overall.first_response_median_hours, lang), note: `${t('closeTime')}: ${fmtHours(overall.close_median_hours, lang)}` },
    { key: 'sla', label: t('withinSla'), value: fmtPct(overall.within_sla_pct, lang), note: t('ofClosed', { n: fmtNumber(overall.closed, lang) }) },
  ];
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="sr-only">
        {t('summary')}
      </h2>
      <ul className="cards">
        {cards.map((c) => (
          <li key={c.key} className="card" data-card={c.key}>
            <span className="card-label">{c.label}</span>
            <span className="card-value">{c.value}</span>
            {c.note && <span className="card-note">{c.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
