import type { Lang } from '../../../shared/i18n';
import { addressWithPlace, insideCity, KECAMATAN_CODE, KELURAHAN_CODE, type Places } from '../../../shared/places';
import type { Submission } from '../../../shared/submission';
import { badRequest } from './errors';
import { param, type Query } from './query';

const OUTSIDE = {
  id: 'Titik lokasi berada di luar Kota Makassar; laporan tetap diterima dan petugas akan memeriksa lokasinya.',
  en: 'The location point is outside Makassar; the report is taken and staff will check the place.',
};

/**
 * The place of a submission: an `address_id` shaped like a Kemendagri code must be one of the
 * city's kelurahan (else 400), and then `address_string` carries "…, Kel. X, Kec. Y". A point
 * outside the city is kept, with a warning for the citizen.
 */
export function placeSubmission(places: Places, submission: Submission, lang: Lang): { submission: Submission; warning?: string } {
  let placed = submission;
  const id = submission.address_id;
  if (id && (KELURAHAN_CODE.test(id) || KECAMATAN_CODE.test(id))) {
    const kelurahan = places.byCode.get(id);
    if (!kelurahan) {
      throw badRequest(
        KECAMATAN_CODE.test(id)
          ? `address_id: "${id}" is a kecamatan; give the kelurahan's Kemendagri code (e.g. 73.71.14.1001)`
          : `address_id: unknown kelurahan code "${id}" (Makassar's Kemendagri codes, e.g. 73.71.14.1001)`,
      );
    }
    placed = { ...submission, address_string: addressWithPlace(submission.address_string, kelurahan) };
  }
  const outside = submission.lat !== null && submission.long !== null && !insideCity(submission.lat, submission.long);
  return outside ? { submission: placed, warning: OUTSIDE[lang] } : { submission: placed };
}

/**
 * GET requests' place filter (an extension): `kelurahan=73.71.14.1001` or `kecamatan=73.71.14`
 * (several comma-separated); an unknown code is a 400.
 */
export function placeFilter(places: Places, query: Query): { kelurahan?: string[]; kecamatan?: string[] } {
  const list = (name: string, shape: RegExp, known: (code: string) => boolean) => {
    const value = param(query, name);
    if (value === undefined || value === '') return undefined;
    const codes = value.split(',').map((s) => s.trim()).filter(Boolean);
    if (codes.length > 50) throw badRequest(`${name}: at most 50 codes`);
    for (const code of codes) {
      if (!shape.test(code) || !known(code)) throw badRequest(`${name}: unknown ${name} code "${code.slice(0, 20)}" (Makassar's Kemendagri codes)`);
    }
    return codes;
  };
  return {
    kelurahan: list('kelurahan', KELURAHAN_CODE, (c) => places.byCode.has(c)),
    kecamatan: list('kecamatan', KECAMATAN_CODE, (c) => places.kecamatanCodes.has(c)),
  };
}
