/** What a visitor may be called in the hall: a name everyone sees above an avatar. */

export const MAX_NAME = 24;

/**
 * Words that make a name look like staff. A visitor may not call themselves "Petugas Dinas PU":
 * officers are marked by the server (Visitor.role), never by what a name says.
 */
const STAFF_WORDS = new Set([
  'petugas', 'staf', 'staff', 'officer', 'supervisor', 'spv', 'admin', 'administrator', 'moderator', 'mod', 'operator',
  'pegawai', 'asn', 'pns', 'dinas', 'kepala', 'kadis', 'walikota', 'wakil', 'camat', 'lurah', 'satpol', 'polisi',
  'pemkot', 'pemerintah', 'resmi', 'official', 'sistem', 'system', 'makaverse', 'loket', 'cs',
]);

/** Undoes the usual disguises (full-width letters, 0→o, 1→i, …) before comparing with STAFF_WORDS. */
function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/[0134578@$]/g, (c) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' })[c] ?? c)
    .replace(/[^a-z]/g, '');
}

/**
 * Removes what a name must never carry: control and format characters (bidi overrides such as
 * U+202E, zero-width joiners and spaces, soft hyphens), line and paragraph separators, private-use
 * and unassigned code points; folds compatibility forms (NFKC) and collapses spaces.
 */
export function cleanName(raw: string): string {
  const cleaned = raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u034F\u180B-\u180F\uFE00-\uFE0F]/gu, '')
    .replace(/\p{Zs}+/gu, ' ')
    .trim();
  return [...cleaned].slice(0, MAX_NAME).join('').trim();
}

/** True when a name reads like a staff title ("Petugas Dinas PU", "ADM1N", "Supervisor"). */
export function isStaffLikeName(name: string): boolean {
  const words = name.normalize('NFKC').split(/[\s._\-/|:()[\]]+/).map(fold).filter(Boolean);
  return words.some((w) => STAFF_WORDS.has(w)) || STAFF_WORDS.has(fold(name));
}

/** The name shown for a citizen: cleaned, or `fallback` when nothing is left or it poses as staff. */
export function visitorName(raw: string | undefined, fallback: string): string {
  const name = cleanName(raw ?? '');
  return name && !isStaffLikeName(name) ? name : fallback;
}

/** Initials others see while a citizen queues or is served: "Budi Santoso" → "B. S." */
export function initialsOf(name: string): string {
  const letters = name.split(/\s+/).filter(Boolean).slice(0, 3).map((w) => `${[...w][0]!.toUpperCase()}.`);
  return letters.join(' ') || '?';
}
