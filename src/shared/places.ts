import { foldText } from './textFold';
import { z } from 'zod';

/** Makassar's kecamatan and kelurahan with their Kemendagri codes (scenes/places/makassar.json). */
export const placesSchema = z.object({
  source: z.string().min(1),
  city: z.object({ code: z.string(), name: z.string() }),
  kecamatan: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
        name: z.string().min(1),
        kelurahan: z.array(z.object({ code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/), name: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});
export type PlacesFile = z.infer<typeof placesSchema>;

export interface Kelurahan {
  code: string;
  name: string;
  kecamatan: { code: string; name: string };
}

export interface Places {
  kelurahan: Kelurahan[];
  byCode: Map<string, Kelurahan>;
  kecamatanCodes: Set<string>;
}

/** A Kemendagri kelurahan or kecamatan code's shape (whether or not it is in this city). */
export const KELURAHAN_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
export const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

/**
 * The city's bounds, roughly (mainland and the Sangkarrang islands). A point outside is
 * still taken — people report from the city's edge — but the answer warns.
 */
export const CITY_BOUNDS = { south: -5.25, north: -4.9, west: 118.95, east: 119.56 };

export function insideCity(lat: number, long: number): boolean {
  return lat >= CITY_BOUNDS.south && lat <= CITY_BOUNDS.north && long >= CITY_BOUNDS.west && long <= CITY_BOUNDS.east;
}

export function buildPlaces(file: PlacesFile): Places {
  const kelurahan = file.kecamatan.flatMap((k) => k.kelurahan.map((l) => ({ code: l.code, name: l.name, kecamatan: { code: k.code, name: k.name } })));
  return { kelurahan, byCode: new Map(kelurahan.map((k) => [k.code, k])), kecamatanCodes: new Set(file.kecamatan.map((k) => k.code)) };
}

/** "Kel. Tamalanrea Indah, Kec. Tamalanrea": how a place is written after the street. */
export function placeLabel(k: Kelurahan): string {
  return `Kel. ${k.name}, Kec. ${k.kecamatan.name}`;
}

/** The Open311 address_string: the citizen's street or landmark, then the kelurahan and kecamatan. */
export function addressWithPlace(street: string | null | undefined, k: Kelurahan): string {
  const label = placeLabel(k);
  const s = (street ?? '').trim();
  if (!s) return label;
  return s.toLowerCase().includes(label.toLowerCase()) ? s : `${s}, ${label}`;
}

const fold = foldText;

/**
 * Search as you type: kelurahan whose name, or whose kecamatan's name, has a word starting
 * with what was typed (every typed word must match); kelurahan-name matches first.
 */
export function searchKelurahan(places: Places, typed: string, limit = 8): Kelurahan[] {
  const words = fold(typed).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const starts = (name: string, w: string) => ` ${fold(name)}`.includes(` ${w}`);
  const scored: { k: Kelurahan; rank: number }[] = [];
  for (const k of places.kelurahan) {
    const all = `${k.name} ${k.kecamatan.name}`;
    if (!words.every((w) => starts(all, w))) continue;
    const rank = fold(k.name) === words.join(' ') ? 0 : words.every((w) => starts(k.name, w)) ? 1 : 2;
    scored.push({ k, rank });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.k.name.localeCompare(b.k.name))
    .slice(0, limit)
    .map((s) => s.k);
}
