import { describe, expect, it } from 'vitest';
import { csvCell, figuresCsv } from '../../src/server/http/figures/csv';
import { FIGURES_CSV_COLUMNS, type FigureHourRow } from '../../src/shared/figures';

const row = (over: Partial<FigureHourRow> = {}): FigureHourRow => ({
  hour: '2026-11-22T09:00:00+08:00',
  counter: 'pu',
  visits: 0,
  queue_taken: 3,
  queue_called: 2,
  queue_wait_avg_seconds: 12.5,
  queue_wait_p90_seconds: null,
  queue_abandoned: 1,
  chats: 2,
  requests_filed: 1,
  complaints_filed: 2,
  information_filed: 0,
  first_response_median_hours: 3,
  closed: 2,
  closed_within_sla: 1,
  within_sla_pct: 50,
  close_median_hours: null,
  rating_mean: 4,
  rating_count: 1,
  reopened: 0,
  reopen_rate_pct: 0,
  answered_in_time_pct: 100,
  first_reply_median_days: 0.5,
  calls: 2,
  call_median_seconds: 192,
  call_failed_pct: 50,
  ...over,
});

describe('figures CSV', () => {
  it('escapes cells per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes the stable header, one line per row, CRLF, and "hall" for hall-wide rows', () => {
    const csv = figuresCsv([row(), row({ counter: null, visits: 4, queue_taken: 0 })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(FIGURES_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('2026-11-22T09:00:00+08:00,pu,0,3,2,12.5,,1,2,1,2,0,3,2,1,50,,4,1,0,0,100,0.5,2,192,50');
    expect(lines[2].split(',').slice(0, 3)).toEqual(['2026-11-22T09:00:00+08:00', 'hall', '4']);
    expect(lines[3]).toBe('');
    expect(figuresCsv([])).toBe(`${FIGURES_CSV_COLUMNS.join(',')}\r\n`);
  });
});
