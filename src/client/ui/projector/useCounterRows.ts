import { useMemo } from 'react';
import { catalog } from '../../catalog';
import { useHall } from '../../net/hallStore';
import { loadHallScene } from '../../world/layout';

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

/** Loket numbers come from the hall layout (scenes/hall.json), the one place they are set. */
let lokets: Map<string, number> | null = null;
function loketOf(code: string): number {
  lokets ??= new Map(loadHallScene(catalog.agencies).layout.desks.flatMap((d) => (d.kind === 'counter' ? [[d.code, d.loket] as const] : [])));
  return lokets.get(code) ?? 0;
}

/** Every agency counter in loket order, with its officer and queue length, live from the hall. */
export function useCounterRows(): CounterRow[] {
  const counters = useHall((s) => s.counters);
  return useMemo(
    () =>
      catalog.agencies
        .map((a) => {
          const c = counters[a.code];
          return {
            code: a.code,
            loket: loketOf(a.code),
            name: a.short_name,
            officer: c?.officer ?? '',
            officerAway: c?.officerAway ?? false,
            queue: c?.queue.length ?? 0,
            known: c !== undefined,
          };
        })
        .sort((a, b) => a.loket - b.loket),
    [counters],
  );
}
