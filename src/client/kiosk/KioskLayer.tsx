import { useCallback, useEffect, useState } from 'react';
import { outbox, type OutboxEntry } from '../api';
import { useShallow } from 'zustand/react/shallow';
import { AttractLoop } from './AttractLoop';
import { IdleWarning } from './IdleWarning';
import { useKiosk } from './kioskStore';
import { privacyReset } from './privacyReset';
import { useIdleCountdown } from './useIdleCountdown';
import { useKioskLockdown } from './useKioskLockdown';
import { useKioskT } from './useKioskT';
import './kiosk.css';

// This chunk loads only on a kiosk: from here on, a report waiting in the outbox is kept sealed.
outbox.sealEntries();

/** This visit's reports still waiting to be sent whose ticket has nowhere else to go (no e-mail). */
function useUnsentWithoutMail(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const update = (entries: OutboxEntry[]) => setCount(entries.filter((e) => e.state === 'pending' && e.visit === outbox.visit && !e.mailed).length);
    const stop = outbox.subscribe(update);
    void outbox.list().then(update);
    return () => void stop();
  }, []);
  return count;
}

/**
 * Kiosk mode over the app: locked down, the attract loop while nobody uses it, and after
 * `idleSeconds` without a touch (a warning first) the privacy reset and back to the loop.
 */
function KioskLayer() {
  useKioskLockdown();
  const t = useKioskT();
  const { phase, idleSeconds, startVisit, finishReset } = useKiosk(
    useShallow((s) => ({ phase: s.phase, idleSeconds: s.idleSeconds, startVisit: s.startVisit, finishReset: s.finishReset })),
  );
  const [resetting, setResetting] = useState(false);
  const unsent = useUnsentWithoutMail();

  const reset = useCallback(async (discardPending = false) => {
    setResetting(true);
    try {
      await privacyReset({ discardPending });
    } finally {
      finishReset();
      setResetting(false);
    }
  }, [finishReset]);

  const start = useCallback(() => {
    startVisit();
    // The app was inert under the loop; give the keyboard and screen reader its heading.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, [startVisit]);

  const visiting = phase === 'visit' && !resetting;
  const { secondsLeft, restart } = useIdleCountdown(idleSeconds, visiting, () => void reset());

  return (
    <>
      {phase === 'attract' && !resetting && <AttractLoop onStart={start} />}
      {visiting && (
        <button type="button" className="kiosk-end" data-action="kiosk-end" aria-label={t('endVisitLabel')} onClick={() => void reset()}>
          {t('endVisit')}
        </button>
      )}
      {visiting && secondsLeft !== null && (
        <IdleWarning secondsLeft={secondsLeft} unsent={unsent} onStay={restart} onEnd={() => void reset()} onDiscard={() => void reset(true)} />
      )}
      {resetting && (
        <div className="kiosk-backdrop kiosk-resetting" role="status" data-testid="kiosk-resetting">
          <p>{t('resetting')}</p>
        </div>
      )}
    </>
  );
}

export default KioskLayer;
