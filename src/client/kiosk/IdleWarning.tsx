import { useId, useRef } from 'react';
import { ModalDialog } from '../components/ModalDialog';
import { useKioskT } from './useKioskT';

/**
 * "Still there?": the countdown before the privacy reset, with a way to stay or to clear now.
 * A modal `<dialog>` like the app's own, so it opens on top of any that is open (the guide,
 * the take-me-to menu) and the page behind is inert; Escape means staying.
 */
export function IdleWarning({ secondsLeft, onStay, onEnd }: { secondsLeft: number; onStay(): void; onEnd(): void }) {
  const t = useKioskT();
  const titleId = useId();
  const textId = useId();
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} onClose={onStay} initialFocus={stay} className="kiosk-dialog" role="alertdialog">
      <div data-testid="idle-warning">
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
    </ModalDialog>
  );
}
