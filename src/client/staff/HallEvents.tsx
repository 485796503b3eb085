import { catalog } from '../catalog';
import { useLang } from '../i18n';
import { useStaffT } from '../i18n/useStaffT';
import { useHall } from '../net/hallStore';
import { useAppStore } from '../state';

/** Back to the sign-in page after the session ended elsewhere (the hall already let go). */
function signInAgain(): void {
  history.replaceState(null, '', '/petugas');
  const store = useAppStore.getState();
  store.setStaff(null);
  store.setMode('staffLogin');
}

/**
 * What the hall tells the console: the staff session ended while the console was open
 * (logout elsewhere, account disabled, expiry; `sessionEnded`), and a supervisor's queue
 * clearing done (`queueCleared`). Both in live regions, in the console's language.
 */
export function HallEvents() {
  const t = useStaffT();
  const lang = useLang();
  const notices = useHall((s) => s.notices);
  const ended = notices.find((n) => n.kind === 'sessionEnded');
  const cleared = notices.filter((n) => n.kind === 'queueCleared' && typeof n.detail.cleared === 'number').slice(-1)[0];
  const agency = (code: unknown) => catalog.agencies.find((a) => a.code === code)?.short_name[lang] ?? String(code);
  return (
    <div className="console-events">
      <div role="alert" data-testid="hall-session-ended">
        {ended && (
          <div className="notice">
            <p>{t('hallSessionEnded')}</p>
            <button type="button" className="primary-button" onClick={signInAgain}>
              {t('signInAgain')}
            </button>
          </div>
        )}
      </div>
      <p role="status" className="hint" data-testid="queue-cleared">
        {cleared ? t('queueClearedStaff', { agency: agency(cleared.detail.counter), n: Number(cleared.detail.cleared) }) : ''}
      </p>
    </div>
  );
}
