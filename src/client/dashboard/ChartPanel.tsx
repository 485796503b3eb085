import type { ChartConfiguration } from 'chart.js';
import { useId, type ComponentProps } from 'react';
import { ChartCanvas } from './ChartCanvas';
import { DataTable } from './DataTable';
import { useT } from './strings';

interface ChartPanelProps {
  title: string;
  config: ChartConfiguration;
  /** Height of the chart in CSS pixels. */
  height: number;
  table: Omit<ComponentProps<typeof DataTable>, 'caption'>;
}

/** A titled chart with the same numbers as a data table under it (folded, for everyone and for screen readers). */
export function ChartPanel({ title, config, height, table }: ChartPanelProps) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="panel chart-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ChartCanvas config={config} label={t('chartLabel', { title })} height={height} />
      <details className="chart-table">
        <summary>{t('showTable')}</summary>
        <DataTable caption={title} {...table} />
      </details>
    </section>
  );
}
