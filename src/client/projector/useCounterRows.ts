import { useMemo } from 'react';
import { catalog } from '../catalog';
import { useHall } from '../net/hallStore';
import { counterDirectory } from '../wayfinding/counterDirectory';

/** One counter as the projector lists it. */
export interface CounterRow {
  code: string;
  loket: number;
  /** The agency's short name, by language. */
  name: { id: string; en: string };
  /** The officer on duty; '' = self-service. */
  officer: string;
  officerAway: boolean;
  queue: number;
  /** Whether the hall has reported this counter yet. */
  known: boolean;
}

const agencies = new Map(catalog.agencies.map((a) => [a.code, a]));

/** Every agency counter in loket order, with its officer and queue length, live from the hall. */
export function useCounterRows(): CounterRow[] {
  const counters = useHall((s) => s.counters);
  return useMemo(
    () =>
      // The counters in loket order (counterDirectory, from scenes/hall.json), without the info desk.
      counterDirectory().flatMap((entry) => {
        const agency = agencies.get(entry.code);
        if (!agency || entry.loket === null) return [];
        const c = counters[entry.code];
        return [
          {
            code: entry.code,
            loket: entry.loket,
            name: agency.short_name,
            officer: c?.officer ?? '',
            officerAway: c?.officerAway ?? false,
            queue: c?.queue.length ?? 0,
            known: c !== undefined,
          },
        ];
      }),
    [counters],
  );
}
