import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import type { FiguresResponse } from '../../shared/figures';
import { ChartPanel } from './ChartPanel';
import { COLOURS } from './chartSetup';
import { fmtDayLabel, fmtHourLabel, fmtNumber, fmtPct, fmtSeconds, locale } from './format';
import { activitySeries, counterTotals, filedOf, toMinutes } from './series';
import { useLang, useT } from './strings';

/** Height for a horizontal bar chart: a row per counter, plus the legend and axis. */
const barHeight = (n: number) => Math.max(160, n * 30 + 70);

/** The four charts: activity over time, queue waits, SLA compliance, and filings per counter. */
export function FigureCharts({ figures }: { figures: FiguresResponse }) {
  const lang = useLang();
  const t = useT();
  const series = useMemo(() => activitySeries(figures), [figures]);
  const counters = useMemo(() => counterTotals(figures, lang), [figures, lang]);

  const activity = useMemo((): ChartConfiguration => {
    const labels = series.keys.map((k) => (series.granularity === 'hour' ? fmtHourLabel(k, lang) : fmtDayLabel(k)));
    const line = (label: string, data: number[], colour: string) => ({ label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 0, tension: 0.2 });
    return {
      type: 'line',
      data: { labels, datasets: [line(t('visits'), series.visits, COLOURS[0]), line(t('queueTaken'), series.queueTaken, COLOURS[1]), line(t('filed'), series.filed, COLOURS[2])] },
      options: {
        locale: locale(lang),
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: {
            ticks: {
              autoSkip: series.granularity === 'day',
              maxRotation: 0,
              // Hour by hour: a tick at each midnight (every 3 hours for one or two days).
              callback: (_value, index) => {
                const key = series.keys[index];
                if (series.granularity === 'day') return labels[index];
                const hour = Number(key.slice(11, 13));
                if (series.keys.length <= 48) return hour % 3 === 0 ? labels[index] : null;
                return hour === 0 ? fmtDayLabel(key.slice(0, 10)) : null;
              },
            },
          },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    };
  }, [series, lang, t]);

  const waits = useMemo((): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: counters.map((c) => c.label),
      datasets: [
        { label: t('waitAvg'), data: counters.map((c) => toMinutes(c.queue_wait_avg_seconds)), backgroundColor: COLOURS[1] },
        { label: t('waitP90'), data: counters.map((c) => toMinutes(c.queue_wait_p90_seconds)), backgroundColor: COLOURS[3] },
      ],
    },
    options: {
      locale: locale(lang),
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, title: { display: true, text: t('minutes') } } },
      plugins: { legend: { position: 'bottom' } },
    },
  }), [counters, lang, t]);

  const sla = useMemo((): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: counters.map((c) => c.label),
      datasets: [{ label: t('withinSlaPct'), data: counters.map((c) => c.within_sla_pct), backgroundColor: COLOURS[2] }],
    },
    options: {
      locale: locale(lang),
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
      plugins: { legend: { display: false } },
    },
  }), [counters, lang, t]);

  const filed = useMemo((): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: counters.map((c) => c.label),
      datasets: [
        { label: t('complaints'), data: counters.map((c) => c.complaints_filed), backgroundColor: COLOURS[0] },
        { label: t('requests'), data: counters.map((c) => c.requests_filed), backgroundColor: COLOURS[1] },
        { label: t('information'), data: counters.map((c) => c.information_filed), backgroundColor: COLOURS[3] },
      ],
    },
    options: {
      locale: locale(lang),
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  }), [counters, lang, t]);

  const activityTitle = `${t('activityChart')} (${t(series.granularity === 'hour' ? 'perHour' : 'perDay')})`;
  // The hourly table lists only hours with something in them; the chart shows the quiet ones as zero.
  const activityRows = series.keys
    .map((k, i) => ({ k, i }))
    .filter(({ i }) => series.visits[i] + series.queueTaken[i] + series.filed[i] > 0)
    .map(({ k, i }) => ({
      key: k,
      cells: [series.granularity === 'hour' ? fmtHourLabel(k, lang) : fmtDayLabel(k), fmtNumber(series.visits[i], lang), fmtNumber(series.queueTaken[i], lang), fmtNumber(series.filed[i], lang)],
    }));

  return (
    <div className="charts">
      <ChartPanel
        title={activityTitle}
        config={activity}
        height={280}
        table={{ columns: [t('time'), t('visits'), t('queueTaken'), t('filed')], rows: activityRows }}
      />
      <ChartPanel
        title={t('waitChart')}
        config={waits}
        height={barHeight(counters.length)}
        table={{
          columns: [t('counter'), t('queueCalled'), t('waitAvg'), t('waitP90'), t('abandoned')],
          rows: counters.map((c) => ({ key: c.counter!, cells: [c.label, fmtNumber(c.queue_called, lang), fmtSeconds(c.queue_wait_avg_seconds, lang), fmtSeconds(c.queue_wait_p90_seconds, lang), fmtNumber(c.queue_abandoned, lang)] })),
        }}
      />
      <ChartPanel
        title={t('slaChart')}
        config={sla}
        height={barHeight(counters.length)}
        table={{
          columns: [t('counter'), t('closed'), t('withinSla'), t('withinSlaPct')],
          rows: counters.map((c) => ({ key: c.counter!, cells: [c.label, fmtNumber(c.closed, lang), fmtNumber(c.closed_within_sla, lang), fmtPct(c.within_sla_pct, lang)] })),
        }}
      />
      <ChartPanel
        title={t('filedChart')}
        config={filed}
        height={barHeight(counters.length)}
        table={{
          columns: [t('counter'), t('complaints'), t('requests'), t('information'), t('filed')],
          rows: counters.map((c) => ({ key: c.counter!, cells: [c.label, fmtNumber(c.complaints_filed, lang), fmtNumber(c.requests_filed, lang), fmtNumber(c.information_filed, lang), fmtNumber(filedOf(c), lang)] })),
        }}
      />
    </div>
  );
}
