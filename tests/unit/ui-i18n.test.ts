import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/shared/i18n';
import { dictionary, type MessageKey } from '../../src/client/i18n/dictionary';
import { guideStrings } from '../../src/client/i18n/guideStrings';
import { offerStrings } from '../../src/client/i18n/offerStrings';
import { formStrings } from '../../src/client/i18n/formStrings';
import { kioskStrings } from '../../src/client/i18n/kioskStrings';
import { nearbyStrings } from '../../src/client/i18n/nearbyStrings';
import { projectorStrings } from '../../src/client/i18n/projectorStrings';
import { staffDictionary } from '../../src/client/i18n/staffDictionary';
import { translate, translateWith } from '../../src/client/i18n/useT';
import { voiceStrings } from '../../src/client/i18n/voiceStrings';

/** The strings that travel in a feature's own lazy chunk, looked up before the shell's. */
const FEATURES = { formStrings, guideStrings, offerStrings, staffDictionary, kioskStrings, projectorStrings, voiceStrings, nearbyStrings };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI dictionary', () => {
  it('has every string in every language, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(dictionary)) {
      for (const lang of LANGS) expect(entry[lang].trim(), `${key}.${lang}`).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.id));
    }
  });

  it('has every feature string in every language, none shadowing a shell string or another feature\'s', () => {
    const seen = new Map<string, string>(Object.keys(dictionary).map((k) => [k, 'dictionary']));
    for (const [name, strings] of Object.entries(FEATURES)) {
      for (const [key, entry] of Object.entries(strings)) {
        for (const lang of LANGS) expect(entry[lang].trim(), `${name}.${key}.${lang}`).not.toBe('');
        expect(placeholders(entry.en), `${name}.${key}`).toEqual(placeholders(entry.id));
        expect(seen.get(key), `${name}.${key} is also in ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('looks a key up in the feature\'s strings, then in the shell\'s', () => {
    expect(translateWith(projectorStrings, 'en', 'projectorOpened', { loket: 3, name: 'PU', officer: 'Andi' })).toBe('Counter 3 PU: Andi is now on duty.');
    expect(translateWith<keyof typeof voiceStrings>(voiceStrings, 'id', 'nearPrompt')).toBe('Tekan E / Enter atau ketuk untuk dilayani');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'announceTicket', { id: 'MKS-1' })).toBe('Terkirim. Nomor tiket Anda MKS-1.');
    expect(translate('en', 'announceTicket', { id: 'MKS-1' })).toBe('Sent. Your ticket number is MKS-1.');
    expect(translate('en', 'announceTicket')).toContain('{id}');
  });

  it('says the counter prompt in both languages', () => {
    const key: MessageKey = 'nearPrompt';
    expect(translate('id', key)).toBe('Tekan E / Enter atau ketuk untuk dilayani');
    expect(translate('en', key)).toBe('Press E / Enter or tap to be served');
  });
});
