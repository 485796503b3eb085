import { FIGURES_CSV_COLUMNS, HALL_COUNTER, type FigureHourRow } from '../../../shared/figures';

/** A cell a spreadsheet might run as a formula (= + - @, or a leading tab/CR) gets a quote in front. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The figures as CSV: a header of stable column names, then one row per counter per hour, CRLF line ends. */
export function figuresCsv(rows: FigureHourRow[]): string {
  const lines = [FIGURES_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const cells = FIGURES_CSV_COLUMNS.map((column) => {
      if (column === 'hour_start') return csvCell(row.hour);
      if (column === 'counter') return csvCell(row.counter ?? HALL_COUNTER);
      return csvCell(row[column]);
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
