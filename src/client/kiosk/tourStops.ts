import type { Localized } from '../../shared/i18n';
import { catalog } from '../catalog';
import { loadHallScene } from '../world/layout';

/** One stop of the attract loop's tour: a desk and what to say about it. */
export interface TourStop {
  /** Desk code (agency code, or 'info'). */
  code: string;
  /** The loket number on the sign; null for the info desk. */
  loket: number | null;
  name: Localized | null;
  description: Localized | null;
  /** A few of the counter's services, to show what can be done there. */
  services: Localized[];
  color: string;
}

const SERVICES_SHOWN = 3;

/** The tour: every desk of scenes/hall.json in loket order, the information desk first. */
export function tourStops(): TourStop[] {
  const { layout } = loadHallScene(catalog.agencies);
  const agencies = new Map(catalog.agencies.map((a) => [a.code, a]));
  const stops: TourStop[] = [];
  for (const desk of layout.desks) {
    if (desk.kind === 'info') {
      stops.push({ code: desk.code, loket: null, name: null, description: null, services: [], color: '#c8102e' });
      continue;
    }
    const agency = agencies.get(desk.code);
    if (!agency) continue;
    stops.push({
      code: desk.code,
      loket: desk.loket,
      name: agency.name,
      description: agency.description,
      services: agency.services.slice(0, SERVICES_SHOWN).map((s) => s.name),
      color: agency.color,
    });
  }
  return stops.sort((a, b) => (a.loket ?? 0) - (b.loket ?? 0));
}
