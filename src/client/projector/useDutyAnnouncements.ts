import { useEffect, useRef } from 'react';
import { translateWith } from '../i18n';
import { projectorStrings } from '../i18n/projectorStrings';
import { useAppStore } from '../state';
import type { CounterRow } from './useCounterRows';

/**
 * Tells screen-reader users when a counter gets an officer or goes back to self-service:
 * rare events, so the page's polite live region is not flooded (queue lengths and the
 * visitor count are read from the table when wanted, not announced).
 */
export function useDutyAnnouncements(rows: readonly CounterRow[], connected: boolean): void {
  const last = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    if (!connected || !rows.every((r) => r.known)) {
      if (!connected) last.current = null;
      return;
    }
    const now = new Map(rows.map((r) => [r.code, r.officer]));
    const before = last.current;
    last.current = now;
    // The first state after connecting is the starting point, not news.
    if (!before) return;
    const { lang, announce } = useAppStore.getState();
    for (const r of rows) {
      const was = before.get(r.code) ?? '';
      if (was === r.officer) continue;
      const vars = { loket: r.loket, name: r.name[lang], officer: r.officer };
      announce(translateWith(projectorStrings, lang, r.officer ? 'projectorOpened' : 'projectorClosed', vars));
    }
  }, [rows, connected]);
}
