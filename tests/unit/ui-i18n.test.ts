import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/shared/i18n';
import { dictionary, type MessageKey } from '../../src/client/i18n/dictionary';
import { translate } from '../../src/client/i18n/useT';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI dictionary', () => {
  it('has every string in every language, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(dictionary)) {
      for (const lang of LANGS) expect(entry[lang].trim(), `${key}.${lang}`).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.id));
    }
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
