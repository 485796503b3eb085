import { beforeEach, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/shared/i18n';
import { staffDictionary } from '../../src/client/i18n/staffDictionary';
import { useAppStore } from '../../src/client/state/store';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const initial = useAppStore.getState();

describe('the staff pages', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('have every string in every language, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(staffDictionary)) {
      for (const lang of LANGS) expect(entry[lang].trim(), `${key}.${lang}`).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.id));
    }
  });

  it('keep the signed-in staff member and the console state, skipping updates that change nothing', () => {
    const s = useAppStore.getState;
    const staff = { id: 's1', username: 'petugas.pu', display_name: 'Petugas PU', role: 'officer' as const, agency_code: 'pu' };
    let calls = 0;
    const stop = useAppStore.subscribe(() => calls++);
    s().setStaff(staff);
    s().setStaff(staff);
    s().setConsoleOpen(true);
    expect(calls).toBe(1);
    s().setConsoleOpen(false);
    expect(s()).toMatchObject({ staff, consoleOpen: false });
    stop();
  });
});
