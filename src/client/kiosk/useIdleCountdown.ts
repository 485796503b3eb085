import { useCallback, useEffect, useRef, useState } from 'react';
import { idleNow } from './idleClock';

/** What counts as someone still using the kiosk. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** The warning's length: a third of the timeout, at most 20 s. */
function warningSeconds(idleSeconds: number): number {
  return Math.min(20, Math.round(idleSeconds / 3));
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
    const touch = () => {
      last.current = idleNow();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    const warnAt = warningSeconds(idleSeconds);
    const timer = setInterval(() => {
      const remaining = idleSeconds - (idleNow() - last.current) / 1000;
      if (remaining <= 0) {
        if (!fired) {
          fired = true;
          setLeft(null);
          timeout.current();
        }
        return;
      }
      fired = false;
      setLeft(remaining <= warnAt ? Math.ceil(remaining) : null);
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
