import { describe, expect, it } from 'vitest';
import { filterDirectory } from '../../src/client/wayfinding/filterDirectory';
import type { DirectoryEntry } from '../../src/client/wayfinding/counterDirectory';
import { foldText } from '../../src/shared/textFold';

const entry = (code: string, name: string, handles: string): DirectoryEntry =>
  ({ code, loket: 1, name: { id: name, en: name }, color: '#000', handles: { id: handles, en: handles } }) as DirectoryEntry;

const ENTRIES = [entry('x-social', 'Loket Uji Satu', 'Anak jalanan, pengemis'), entry('x-roads', 'Loket Uji Dua', 'Jalan berlubang'), entry('x-health', 'Loket Uji Tiga', "Dottoro'ta kunjungan")];

describe('"Antar saya ke…" search folds text as the routing does (one folding, src/shared/textFold.ts)', () => {
  it('reduplication with a 2, the glottal stop mark and accents match like the routing', () => {
    expect(filterDirectory(ENTRIES, 'anak2').map((e) => e.code)).toEqual(['x-social']);
    expect(filterDirectory(ENTRIES, 'dottorota').map((e) => e.code)).toEqual(['x-health']);
    expect(filterDirectory(ENTRIES, 'PÉNGEMIS').map((e) => e.code)).toEqual(['x-social']);
    expect(foldText("Anak2 di Pa'baeng-baeng")).toBe('anak di pabaeng baeng');
  });

  it('nothing matching keeps the whole list', () => {
    expect(filterDirectory(ENTRIES, 'zzzz')).toHaveLength(3);
  });
});
