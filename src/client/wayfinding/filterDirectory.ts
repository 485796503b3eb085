import { foldText } from '../../shared/textFold';
import { catalog } from '../catalog';
import type { DirectoryEntry } from './counterDirectory';

// The routing's own folding (src/shared/textFold.ts): "anak2", "dottoro'ta" and accents match alike.
const fold = foldText;

/**
 * The desks whose name, services or keywords contain a word the citizen typed (3 letters or
 * more); every desk while nothing typed matches, so the list never goes empty.
 */
export function filterDirectory(entries: DirectoryEntry[], query: string): DirectoryEntry[] {
  const words = fold(query).split(' ').filter((w) => w.length >= 3);
  if (words.length === 0) return entries;
  const keywords = new Map(catalog.agencies.map((a) => [a.code, [...a.keywords, ...a.services.flatMap((s) => s.keywords)].join(' ')]));
  const hits = entries.filter((e) => {
    const hay = fold(`${e.name.id} ${e.name.en} ${e.handles.id} ${e.handles.en} ${keywords.get(e.code) ?? ''}`);
    return words.some((w) => hay.includes(w));
  });
  return hits.length > 0 ? hits : entries;
}
