import { useEffect, useId, useRef } from 'react';
import { useKioskT } from './useKioskT';

/** "Still there?": the countdown before the privacy reset, with a way to stay or to clear now. */
export function IdleWarning({ secondsLeft, onStay, onEnd }: { secondsLeft: number; onStay(): void; onEnd(): void }) {
  const t = useKioskT();
  const titleId = useId();
  const textId = useId();
  const stay = useRef<HTMLButtonElement>(null);
  const before = useRef<Element | null>(null);
  useEffect(() => {
    before.current = document.activeElement;
    stay.current?.focus();
    return () => {
      if (before.current instanceof HTMLElement && before.current.isConnected) before.current.focus();
    };
  }, []);
  return (
    <div className="kiosk-backdrop">
      <div className="kiosk-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId} data-testid="idle-warning">
        <h2 id={titleId}>{t('idleTitle')}</h2>
        <p id={textId}>{t('idleText', { seconds: secondsLeft })}</p>
        <p className="kiosk-countdown" aria-hidden="true" data-seconds={secondsLeft}>
          {secondsLeft}
        </p>
        <div className="kiosk-dialog-actions">
          <button ref={stay} type="button" className="primary-button" onClick={onStay}>
            {t('idleStay')}
          </button>
          <button type="button" className="secondary-button" onClick={onEnd}>
            {t('idleEnd')}
          </button>
        </div>
      </div>
    </div>
  );
}
