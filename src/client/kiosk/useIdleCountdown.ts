import { useCallback, useEffect, useRef, useState } from 'react';
import { idleNow } from './idleClock';

/** What counts as someone still using the kiosk. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** When the warning shows: a third of the timeout before it ends, at most 20 s before. */
export function warnAfterSeconds(idleSeconds: number): number {
  return idleSeconds - Math.min(20, Math.round(idleSeconds / 3));
}

/** The reset: the timeout, and never less than 15 s after the warning, whatever the setting. */
export function resetAfterSeconds(idleSeconds: number): number {
  return Math.max(idleSeconds, warnAfterSeconds(idleSeconds) + 15);
}

/**
 * Counts down to a reset while nobody touches the kiosk. Returns the seconds left once the
 * warning should show (null before) and `restart`, and calls `onTimeout` once when the time
 * is up. Any touch, key or pointer movement starts the count again.
 */
export function useIdleCountdown(idleSeconds: number, enabled: boolean, onTimeout: () => void): { secondsLeft: number | null; restart(): void } {
  const [left, setLeft] = useState<number | null>(null);
  const last = useRef(idleNow());
  const timeout = useRef(onTimeout);
  timeout.current = onTimeout;

  useEffect(() => {
    setLeft(null);
    if (!enabled) return;
    last.current = idleNow();
    let fired = false;
    const touch = (e: Event) => {
      // Inside the warning itself a touch is an answer, not activity: its own buttons say
      // what it means (else the pointerdown on "clear now" would close the warning before the click).
      if (e.target instanceof Element && e.target.closest('.kiosk-dialog')) return;
      last.current = idleNow();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    const warnAfter = warnAfterSeconds(idleSeconds);
    const resetAfter = resetAfterSeconds(idleSeconds);
    const timer = setInterval(() => {
      const idle = (idleNow() - last.current) / 1000;
      const remaining = resetAfter - idle;
      if (remaining <= 0) {
        if (!fired) {
          fired = true;
          setLeft(null);
          timeout.current();
        }
        return;
      }
      fired = false;
      setLeft(idle >= warnAfter ? Math.ceil(remaining) : null);
    }, 250);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [idleSeconds, enabled]);

  // "I am still here": also for a click without a pointer (a screen reader's activation).
  const restart = useCallback(() => {
    last.current = idleNow();
    setLeft(null);
  }, []);
  return { secondsLeft: left, restart };
}
