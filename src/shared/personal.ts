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

/**
 * Hides personal data a citizen may have typed into free text before it is shown in
 * public: emails, 16-digit numbers (NIK, KK) and phone numbers. The stored text is kept whole.
 */
export function redactPersonal(text: string): string {
  return text
    .replace(/[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,185}\.[A-Za-z]{2,}/g, '[email]')
    .replace(/\b\d(?:[\s.-]?\d){15}\b/g, '[NIK/KK]')
    .replace(/(?:\+?62|\b0)[\s.-]?8(?:[\s.-]?\d){7,12}\b/g, '[telepon]');
}
