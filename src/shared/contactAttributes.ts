import type { Attribute, AttributeFormat, Service } from './catalog';
import { CONTACT_NAME, CONTACT_REACH } from './constants';
import type { Lang } from './i18n';

/**
 * A service that needs the citizen's name and a way to reach them (`anonymous_allowed: false`)
 * says so in its Open311 service definition, as two ordinary required attributes, so that a
 * generic client that reads only the definition can fill them in. Their values are personal
 * data: they go into the sealed contact (as first_name, email or phone would), never into the
 * public attributes. The spec's own first_name/last_name/email/phone fields satisfy them too.
 * Their codes, CONTACT_NAME and CONTACT_REACH, are in constants.ts (the catalog reserves them).
 */

/** Example values the definitions show for formatted strings (fictional; the NIK is well-formed). */
export const FORMAT_EXAMPLES: Record<AttributeFormat, string> = {
  nik: '7371014501900001',
  kk: '7371010101900001',
  phone: '081234567890',
};

const CONTACT_ATTRIBUTES: Attribute[] = [
  {
    code: CONTACT_NAME,
    datatype: 'string',
    required: true,
    variable: true,
    description: { id: 'Nama pelapor', en: 'Your name' },
    datatype_description: {
      id: 'Data pribadi: disimpan terenkripsi, tidak pernah tampil di jawaban publik. Boleh diganti first_name/last_name. Contoh: Andi',
      en: 'Personal data: stored encrypted, never in public answers. first_name/last_name do as well. E.g. Andi',
    },
  },
  {
    code: CONTACT_REACH,
    datatype: 'string',
    required: true,
    variable: true,
    description: { id: 'Nomor HP atau email untuk dihubungi petugas', en: 'Mobile number or email where staff can reach you' },
    datatype_description: {
      id: `Nomor HP Indonesia atau alamat email; data pribadi, disimpan terenkripsi. Boleh diganti phone/email. Contoh: ${FORMAT_EXAMPLES.phone}`,
      en: `An Indonesian mobile number or an email address; personal data, stored encrypted. phone/email do as well. E.g. ${FORMAT_EXAMPLES.phone}`,
    },
  },
];

/** The contact attributes a service's definition lists after its own (none when anonymous reports are allowed). */
export function contactAttributes(service: Pick<Service, 'anonymous_allowed'>): readonly Attribute[] {
  return service.anonymous_allowed ? [] : CONTACT_ATTRIBUTES;
}

/**
 * The datatype_description a definition shows: the catalog's words, and for a formatted
 * string an example a client (or a person) can follow.
 */
export function datatypeDescription(attribute: Attribute, lang: Lang): string | null {
  const words = attribute.datatype_description?.[lang] ?? null;
  if (!attribute.format) return words;
  if (words && /\b(e\.g\.|mis\.|contoh)/i.test(words)) return words;
  const example = `${lang === 'id' ? 'Contoh' : 'E.g.'} ${FORMAT_EXAMPLES[attribute.format]}`;
  return words ? `${words}. ${example}` : example;
}
