import { HALL_COUNTER, type FiguresResponse } from '../../shared/figures';
import { DataTable } from './DataTable';
import { fmtHours, fmtNumber, fmtPct, fmtSeconds } from './format';
import { filedOf } from './series';
import { useLang, useT } from './strings';

/** Every counter in scope over the window, all figures in one table. */
export function CounterTotals({ figures }: { figures: FiguresResponse }) {
  const lang = useLang();
  const t = useT();
  const names = new Map(figures.counters.map((c) => [c.code, c.name[lang]]));
  return (
    <section className="panel" aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t('countersTable')}</h2>
      <DataTable
        caption={t('countersTable')}
        columns={[t('counter'), t('visits'), t('queueTaken'), t('waitAvg'), t('waitP90'), t('abandoned'), t('chats'), t('filed'), t('firstResponse'), t('closed'), t('withinSlaPct'), t('satisfaction'), t('reopenRate'), t('answeredInTime'), t('firstReplyDays'), t('calls'), t('callMedian'), t('callFailed')]}
        rows={figures.totals.map((c) => ({
          key: c.counter ?? HALL_COUNTER,
          cells: [
            c.counter === null ? t('hall') : (names.get(c.counter) ?? c.counter),
            fmtNumber(c.visits, lang),
            fmtNumber(c.queue_taken, lang),
            fmtSeconds(c.queue_wait_avg_seconds, lang),
            fmtSeconds(c.queue_wait_p90_seconds, lang),
            fmtNumber(c.queue_abandoned, lang),
            fmtNumber(c.chats, lang),
            fmtNumber(filedOf(c), lang),
            fmtHours(c.first_response_median_hours, lang),
            fmtNumber(c.closed, lang),
            fmtPct(c.within_sla_pct, lang),
            c.rating_mean === null ? '—' : `${fmtNumber(c.rating_mean, lang, 1)} (${fmtNumber(c.rating_count, lang)})`,
            fmtPct(c.reopen_rate_pct, lang),
            fmtPct(c.answered_in_time_pct, lang),
            fmtNumber(c.first_reply_median_days, lang, 1),
            fmtNumber(c.calls, lang),
            fmtSeconds(c.call_median_seconds, lang),
            fmtPct(c.call_failed_pct, lang),
          ],
        }))}
      />
    </section>
  );
}
