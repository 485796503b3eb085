import hallJson from '../../../scenes/hall.json';
import type { Lang } from '../../shared/i18n';
import { HALL_FILE, INFO_DESK_CODE, parseHallLayout } from '../../shared/hall';
import { catalog } from '../catalog';

/** A desk a citizen can ask to be taken to: an agency counter or the information desk. */
export interface DirectoryEntry {
  /** Agency code, or 'info'. */
  code: string;
  /** The number on the counter's sign; null for the information desk. */
  loket: number | null;
  /** Agency name (or the information desk's label) by language. */
  name: Record<Lang, string>;
  /** Signboard colour. */
  color: string;
}

let entries: DirectoryEntry[] | null = null;

/** Every desk of scenes/hall.json in loket order, the information desk last. */
export function counterDirectory(): DirectoryEntry[] {
  if (entries) return entries;
  const layout = parseHallLayout(hallJson, HALL_FILE);
  const agencies = new Map(catalog.agencies.map((a) => [a.code, a]));
  const list: DirectoryEntry[] = [];
  let info: DirectoryEntry | null = null;
  for (const d of layout.desks) {
    if (d.kind === 'info') {
      info = { code: INFO_DESK_CODE, loket: null, name: d.label, color: '#1f5fbf' };
      continue;
    }
    const agency = agencies.get(d.code);
    if (agency) list.push({ code: d.code, loket: d.loket, name: agency.name, color: agency.color });
  }
  list.sort((a, b) => (a.loket ?? 0) - (b.loket ?? 0));
  if (info) list.push(info);
  entries = list;
  return list;
}
