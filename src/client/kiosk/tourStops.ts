import type { Localized } from '../../shared/i18n';
import { catalog } from '../catalog';
import { counterDirectory } from '../wayfinding/counterDirectory';

/** One stop of the attract loop's tour: a desk and what to say about it. */
export interface TourStop {
  /** Desk code (agency code, or 'info'). */
  code: string;
  /** The loket number on the sign; null for the info desk. */
  loket: number | null;
  name: Localized;
  /** What the counter does; null for the info desk (the kiosk strings say it). */
  description: Localized | null;
  /** A few of the counter's services, to show what can be done there. */
  services: Localized[];
  color: string;
}

const SERVICES_SHOWN = 3;

/** The tour: every desk of the hall in loket order (counterDirectory), with what each one does. */
export function tourStops(): TourStop[] {
  const agencies = new Map(catalog.agencies.map((a) => [a.code, a]));
  return counterDirectory().map((entry) => {
    const agency = agencies.get(entry.code);
    return {
      code: entry.code,
      loket: entry.loket,
      name: entry.name,
      description: agency?.description ?? null,
      services: agency ? agency.services.slice(0, SERVICES_SHOWN).map((s) => s.name) : [],
      color: entry.color,
    };
  });
}
