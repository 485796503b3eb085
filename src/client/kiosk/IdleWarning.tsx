import { useId, useRef } from 'react';
import { ModalDialog } from '../components/ModalDialog';
import { useKioskT } from './useKioskT';

/**
 * "Still there?": the countdown before the privacy reset, with a way to stay or to clear now.
 * A modal `<dialog>` like the app's own, so it opens on top of any that is open (the guide,
 * the take-me-to menu) and the page behind is inert; Escape means staying.
 *
 * When this visitor's report is still waiting for the network and they gave no e-mail, its
 * ticket could only ever appear on this screen, and after the reset it will not (the next
 * visitor must not see it): the warning says so and asks them to wait, or to discard the
 * report (their consent), or to clear the screen and let the report go without its number.
 */
export function IdleWarning({
  secondsLeft,
  unsent = 0,
  onStay,
  onEnd,
  onDiscard,
}: {
  secondsLeft: number;
  unsent?: number;
  onStay(): void;
  onEnd(): void;
  onDiscard?(): void;
}) {
  const t = useKioskT();
  const titleId = useId();
  const textId = useId();
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy={titleId} describedBy={textId} onClose={onStay} initialFocus={stay} className="kiosk-dialog" role="alertdialog">
      <div data-testid="idle-warning">
        <h2 id={titleId}>{t('idleTitle')}</h2>
        <p id={textId}>
          {t('idleText', { seconds: secondsLeft })}
          {unsent > 0 && (
            <>
              {' '}
              <strong data-testid="idle-unsent">{t('idleUnsent')}</strong>
            </>
          )}
        </p>
        <p className="kiosk-countdown" aria-hidden="true" data-seconds={secondsLeft}>
          {secondsLeft}
        </p>
        <div className="kiosk-dialog-actions">
          <button ref={stay} type="button" className="primary-button" onClick={onStay}>
            {t(unsent > 0 ? 'idleWait' : 'idleStay')}
          </button>
          {unsent > 0 && onDiscard && (
            <button type="button" className="secondary-button" data-action="idle-discard" onClick={onDiscard}>
              {t('idleDiscard')}
            </button>
          )}
          <button type="button" className="secondary-button" onClick={onEnd}>
            {t(unsent > 0 ? 'idleEndUnsent' : 'idleEnd')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
