import { describe, expect, it } from 'vitest';
import { paintable } from '../../src/client/world/signs/paintable';
import { nameLine } from '../../src/client/world/signs/labels';
import { boardText } from '../../src/client/world/counters/boardLayout';

describe('texts the hall paints: every script kept, what draws nothing or reorders left out', () => {
  it('keeps Indonesian, Latin with accents, Vietnamese, Greek, Cyrillic, Arabic, CJK and emoji as written', () => {
    for (const text of ['Budi Santoso', "Dottoro'ta", 'Zoë Müller-Çelik', 'Nguyễn Thị Ánh', 'Σοφία', 'Дмитрий', 'محمد', '李小龙', 'Ani 👩🏽‍💻', 'LOKET 1', 'PETUGAS\nADA', 'ANTREAN · LACAK LAPORAN', 'A-12 – 3…']) {
      expect(paintable(text)).toBe(text);
    }
  });

  it('leaves out controls, private use, invisible format characters and blank fillers, and closes the gaps', () => {
    // Zero-width spaces and joiners used as spaces would make look-alike names; fillers draw blanks.
    expect(paintable('Ad\u200Bmin')).toBe('Admin');
    expect(paintable('\u3164\u115F')).toBe('');
    expect(paintable('A\u2060B\uFEFF')).toBe('AB');
    // The joiners Arabic, Indic scripts and emoji sequences need stay, as do tag sequences (flags).
    expect(paintable('👩\u200D💻 ক্\u200Cষ')).toBe('👩\u200D💻 ক্\u200Cষ');
    expect(paintable('🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}')).toBe('🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}');
    expect(paintable('\uE000Siti\uF8FF')).toBe('Siti');
    expect(paintable('Ani\u0007 \u0000Lestari')).toBe('Ani Lestari');
    // A right-to-left override would show "Budi" backwards and reorder what follows it.
    expect(paintable('\u202EBudi\u202C Santoso')).toBe('Budi Santoso');
    expect(paintable('A\u2066B\u2069')).toBe('AB');
    expect(paintable('\uD800x')).toBe('x');
    expect(paintable('Loket\t1\u00A0\u2003A')).toBe('Loket 1 A');
    // No line left empty at either end, none doubled inside.
    expect(paintable('\uE000\nPETUGAS\n\u0007')).toBe('PETUGAS');
    expect(paintable('\n\nLOKET')).toBe('LOKET');
  });

  it('names on tags and plates, and the overhead boards, go through it', () => {
    expect(nameLine('  محمد   Rahmat  \u202E李 ')).toBe('محمد Rahmat 李');
    expect(nameLine('\uE000'.repeat(30) + 'Ani')).toBe('Ani');
    expect(nameLine('Abcdefghij Klmnopqrst Uvwxyz')).toBe('Abcdefghij Klmnopqrst U…');
    // Cut where the eye sees characters: never half an emoji or half a joined sequence.
    expect(nameLine('👩\u200D💻'.repeat(30))).toBe(`${'👩\u200D💻'.repeat(23)}…`);
    expect(nameLine('😀'.repeat(30))).toBe(`${'😀'.repeat(23)}…`);
    const board = boardText({ title: 'Dinas \u0007 PU', detail: 'Petugas: \uE000 Andi' });
    expect(board).toEqual({ text: 'Dinas PU\nPetugas: Andi', lines: 2, detailLine: 1 });
    const untitled = boardText({ title: '\uE000 \u0007', detail: 'Andi' });
    expect(untitled).toEqual({ text: 'Andi', lines: 1, detailLine: 0 });
  });
});
