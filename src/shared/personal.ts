/** Checks and masks of personal data (UU PDP): NIK, phone numbers. */

/**
 * A NIK is 16 digits: province, regency, district (6), birth date DDMMYY with 40 added to
 * the day for women (6), and a serial number that is never 0000 (4).
 */
export function isValidNik(value: string): boolean {
  const nik = value.replace(/\s/g, '');
  if (!/^\d{16}$/.test(nik)) return false;
  const province = Number(nik.slice(0, 2));
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  if (day > 40) day -= 40;
  return province >= 11 && province <= 99 && day >= 1 && day <= 31 && month >= 1 && month <= 12 && nik.slice(12) !== '0000';
}

/** Shows only the last four digits: ************1234. */
export function maskNik(nik: string): string {
  return '*'.repeat(Math.max(0, nik.length - 4)) + nik.slice(-4);
}

/** Normalises an Indonesian mobile number to +628…, or null when it is not one. */
export function normalizePhone(value: string): string | null {
  const digits = value.replace(/[\s().-]/g, '');
  const m = /^(?:\+?62|0)(8\d{7,12})$/.exec(digits);
  return m ? `+62${m[1]}` : null;
}

/** How people spell "@" and "." to dodge filters: "nama at gmail dot com", "nama(at)gmail(dot)com". */
const AT = String.raw`\s*(?:@|\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\}|\s+at\s+|\s+et\s+|\s+\(?a\)?\s+)\s*`;
const DOT = String.raw`\s*(?:\.|\(\s*dot\s*\)|\[\s*dot\s*\]|\{\s*dot\s*\}|\s+dot\s+|\s+titik\s+)\s*`;
const EMAIL = new RegExp(String.raw`[A-Za-z0-9._%+-]{1,64}${AT}[A-Za-z0-9-]{1,63}(?:${DOT}[A-Za-z0-9-]{1,63})*${DOT}(?:com|id|net|org|co|ac|go|sch|or|my|info|biz|io|me|edu|gov|[a-z]{2})\b`, 'gi');
/** A number with 0 / 62 / +62 / (0…) in front and 8 next: an Indonesian mobile, however it is spaced. */
const PHONE = /(?:\+\s*62|(?<![\d])62|(?<![\d])0|\(\s*0)\s*\)?[\s.\-]*\(?\s*8\d{1,3}\s*\)?(?:[\s.\-/]*\d){6,11}(?!\d)/g;
/** A number after a label such as "WA", "HP", "telp", "nomor": the prefix is often left out ("WA 812…"). */
const LABELLED = /\b(wa|w\.a\.|whatsapp|hp|h\.p\.|telp|tel|telepon|telpon|no\.?\s*hp|nomor|kontak|hubungi|wa\.me\/)(\s*[:.=]?\s*)(\+?\(?\d[\d\s.\-()/]{7,22}\d)/gi;
const NIK = /\b\d(?:[\s.-]?\d){15}\b/g;

/**
 * Hides personal data a citizen may have typed into free text before it is shown in
 * public: emails (also "at"/"dot" and full-width spellings), 16-digit numbers (NIK, KK) and
 * Indonesian phone numbers however they are written ("(0812) 99998888", "+62 812-…",
 * "WA 812…"). The stored text is kept whole.
 */
export function redactPersonal(text: string): string {
  const digits = (m: string) => m.replace(/\D/g, '').length;
  return text
    .normalize('NFKC')
    .replace(EMAIL, '[email]')
    .replace(NIK, '[NIK/KK]')
    .replace(PHONE, (m) => (digits(m) >= 9 && digits(m) <= 15 ? '[telepon]' : m))
    .replace(LABELLED, (m, label: string, gap: string, number: string) => (digits(number) >= 8 && digits(number) <= 15 ? `${label}${gap}[telepon]` : m));
}
