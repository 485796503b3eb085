import { useMemo } from 'react';
import { catalog } from '../catalog';
import { useHall } from '../net/hallStore';
import type { CounterStatus } from '../counter/counterStatus';

export interface LiveCounters {
  /** on_duty while an officer holds the counter; self_service otherwise (and while offline). */
  statuses: Record<string, CounterStatus>;
  /** The officer's display name by agency code, for counters on duty. */
  officerNames: Record<string, string>;
  /** The ticket being served by agency code, for the desk's queue display. */
  serving: Record<string, string>;
}

/** The counters' live status from the hall connection, recomputed only when a counter changes. */
export function useLiveCounters(): LiveCounters {
  const counters = useHall((s) => s.counters);
  return useMemo(() => {
    const statuses: Record<string, CounterStatus> = {};
    const officerNames: Record<string, string> = {};
    const serving: Record<string, string> = {};
    for (const a of catalog.agencies) {
      const officer = counters[a.code]?.officer;
      statuses[a.code] = officer ? 'on_duty' : 'self_service';
      if (officer) officerNames[a.code] = officer;
      if (officer && counters[a.code].serving) serving[a.code] = counters[a.code].serving;
    }
    return { statuses, officerNames, serving };
  }, [counters]);
}
