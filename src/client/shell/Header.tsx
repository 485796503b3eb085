import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { LangSwitch } from './LangSwitch';
import { HallStatus } from '../live/HallStatus';
import { QueuePill } from '../live/QueuePill';
import { Logo } from './Logo';
import { requestEnter3d } from './enter3d';

/** The top bar and, in the hall, the HUD: home, track, 2D/3D switch, language. */
export function Header() {
  const t = useT();
  const { mode, pendingCount, setMode, openTracker } = useAppStore(
    useShallow((s) => ({ mode: s.mode, pendingCount: s.pendingCount, setMode: s.setMode, openTracker: s.openTracker })),
  );
  return (
    <header className={`app-header app-header--${mode}`}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <button type="button" className="brand" onClick={() => setMode('welcome')}>
        <Logo />
        <span className="brand-text">
          {/* The name for screen readers in one .sr-only span; what the eye sees (less on phones) is aria-hidden. */}
          <span className="sr-only">
            {t('appName')} — {t('home')}
          </span>
          <span className="brand-name" aria-hidden="true">
            {t('appName')}
          </span>
          <span className="brand-tagline" aria-hidden="true">
            {t('appTagline')}
          </span>
        </span>
      </button>
      {pendingCount > 0 && (
        <p className="pending-pill" role="status">
          {t('pendingBanner', { count: pendingCount })}
        </p>
      )}
      <HallStatus />
      <div className="header-actions">
        <QueuePill />
        {(mode === '2d' || mode === '3d') && (
          <button type="button" className="hud-button" onClick={() => openTracker()}>
            {t('hudTrack')}
          </button>
        )}
        {mode === '3d' && (
          <button type="button" className="hud-button" onClick={() => setMode('2d')}>
            <span className="sr-only">{t('mode2d')}</span>
            <span className="label-long" aria-hidden="true">
              {t('mode2d')}
            </span>
            <span className="label-short" aria-hidden="true">
              2D
            </span>
          </button>
        )}
        {mode === '2d' && (
          <button type="button" className="hud-button" onClick={requestEnter3d}>
            <span className="sr-only">{t('mode3d')}</span>
            <span className="label-long" aria-hidden="true">
              {t('mode3d')}
            </span>
            <span className="label-short" aria-hidden="true">
              3D
            </span>
          </button>
        )}
        <LangSwitch />
      </div>
    </header>
  );
}
