import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageRanges, readSignFont } from '../../scripts/signFontCoverage';
import { paintable } from '../../src/client/world/signs/paintable';
import { nameLine } from '../../src/client/world/signs/labels';
import { boardText } from '../../src/client/world/counters/boardLayout';

const root = join(import.meta.dirname, '../..');

describe('texts the hall paints keep only what the sign font draws', () => {
  it('the committed coverage is the font\'s own (regenerate: npx tsx scripts/signFontCoverage.ts)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'scenes/fonts/sign-font.json'), 'utf8')) as { ranges: [number, number][] };
    expect(committed.ranges).toEqual(coverageRanges(readSignFont(root)));
  });

  it('keeps Indonesian, Latin with accents, Vietnamese, Greek and Cyrillic as written', () => {
    for (const text of ['Budi Santoso', "Dottoro'ta", 'Zoë Müller-Çelik', 'Nguyễn Thị Ánh', 'Σοφία', 'Дмитрий', 'LOKET 1', 'PETUGAS\nADA', 'ANTREAN · LACAK LAPORAN', 'A-12 – 3…']) {
      expect(paintable(text)).toBe(text);
    }
  });

  it('leaves out what it cannot draw (Arabic, CJK, emoji, private use) and closes the gaps', () => {
    expect(paintable('محمد 😀 Budi 李')).toBe('Budi');
    expect(paintable('😀😀😀')).toBe('');
    expect(paintable('Ani 👩🏽‍💻 Lestari')).toBe('Ani Lestari');
    expect(paintable('\uE000Siti\uF8FF')).toBe('Siti');
    expect(paintable('Loket 李\nPETUGAS')).toBe('Loket\nPETUGAS');
    // No newline left at either end: troika would look it up in the font, which has none.
    expect(paintable('李\nPETUGAS\n😀')).toBe('PETUGAS');
    expect(paintable('\n\nLOKET')).toBe('LOKET');
  });

  it('names on tags and plates, and the overhead boards, go through it', () => {
    expect(nameLine('  محمد   Rahmat  李 ')).toBe('Rahmat');
    expect(nameLine('😀'.repeat(30) + 'Ani')).toBe('Ani');
    const board = boardText({ title: 'Dinas 😀 PU', detail: 'Petugas: 李 Andi' } as Parameters<typeof boardText>[0]);
    expect(board.text).toBe('Dinas PU\nPetugas: Andi');
    expect(board.detailAt).toBe('Dinas PU'.length + 1);
    const untitled = boardText({ title: '李 😀', detail: 'Andi' } as Parameters<typeof boardText>[0]);
    expect(untitled).toEqual({ text: 'Andi', lines: 1, detailAt: 0 });
  });
});
