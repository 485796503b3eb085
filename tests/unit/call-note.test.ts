import { describe, expect, it } from 'vitest';
import { callNoteText, durationText } from '../../src/server/rooms/hall/callRecords';
import type { CallRecord } from '../../src/server/rooms/hall/types';

/** Issue 14: the note a voice call leaves on the case (no recording). */
describe('the call note', () => {
  const base: CallRecord = {
    id: 'call-0001',
    counter: 'pu',
    caller: 'citizen',
    // 10:02:05 and 10:05:17 WITA (UTC+8).
    startedAt: Date.UTC(2026, 11, 2, 2, 2, 5),
    acceptedAt: Date.UTC(2026, 11, 2, 2, 2, 7),
    connectedAt: Date.UTC(2026, 11, 2, 2, 2, 5),
    endedAt: Date.UTC(2026, 11, 2, 2, 5, 17),
    seconds: 192,
    reason: 'hangup',
    by: 'officer',
  };

  it('reads "Panggilan suara 3 menit 12 detik" with start, end (WITA) and who ended it', () => {
    expect(callNoteText(base)).toBe('Panggilan suara 3 menit 12 detik (mulai 10:02:05 WITA, selesai 10:05:17 WITA, diakhiri oleh petugas). Tidak direkam.');
  });

  it('says when a call never connected, and names the citizen or the system as the one who ended it', () => {
    expect(callNoteText({ ...base, connectedAt: undefined, seconds: 0, by: 'citizen' })).toMatch(/^Panggilan suara tidak tersambung \(.*diakhiri oleh warga\)/);
    expect(callNoteText({ ...base, by: 'system', reason: 'next_called' })).toMatch(/diakhiri oleh sistem\)/);
  });

  it('writes short calls in seconds only', () => {
    expect(durationText(45)).toBe('45 detik');
    expect(durationText(60)).toBe('1 menit 0 detik');
    expect(durationText(0)).toBe('0 detik');
  });
});
