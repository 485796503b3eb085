import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { ActivePanel } from '../shell/ActivePanel';
import { requestEnter3d } from '../shell/enter3d';
import { MainRegion } from '../shell/MainRegion';
import { FirstStep } from '../wayfinding/FirstStep';

/** The landing page: enter the hall, track a ticket, or go straight to the 2D counters. */
export function Welcome() {
  const t = useT();
  const { panel, setMode, openTracker, startService } = useAppStore(
    useShallow((s) => ({ panel: s.panel, setMode: s.setMode, openTracker: s.openTracker, startService: s.startService })),
  );
  return (
    <MainRegion className={`welcome${panel ? ' welcome--panel' : ''}`}>
      <section className="hero" aria-labelledby="welcome-title">
        <div className="hero-art" aria-hidden="true">
          <span className="hero-roof" />
          <span className="hero-columns" />
        </div>
        <h1 id="welcome-title" tabIndex={-1} className={panel ? 'sr-only' : undefined}>
          {t('welcomeTitle')}
        </h1>
        <p className="lead">{t('welcomeLead')}</p>
        <FirstStep go="form" onIntent={startService} className="welcome-first-step" />
        <div className="welcome-actions">
          <button type="button" className="action action--primary" onClick={requestEnter3d} data-action="enter">
            <span className="action-title">{t('enter')}</span>
            <span className="action-hint">{t('enterHint')}</span>
          </button>
          <button type="button" className="action" onClick={() => openTracker()} data-action="track">
            <span className="action-title">{t('trackTicket')}</span>
            <span className="action-hint">{t('trackHint')}</span>
          </button>
          <button type="button" className="action" onClick={() => setMode('2d')} data-action="2d">
            <span className="action-title">{t('mode2d')}</span>
            <span className="action-hint">{t('mode2dHint')}</span>
          </button>
        </div>
        <p className="privacy-note">{t('welcomePrivacy')}</p>
        {/* Issue 14: the microphone needs HTTPS (or localhost); say plainly why Talk will not be offered. */}
        {!window.isSecureContext && (
          <p className="privacy-note" data-voice-insecure>
            {t('voiceWelcomeInsecure')}
          </p>
        )}
        <p className="staff-entry">
          <a href="/petugas" data-action="staff">
            {t('staffEntry')}
          </a>
        </p>
      </section>
      {panel && (
        <div className="welcome-panel">
          <ActivePanel variant="region" />
        </div>
      )}
    </MainRegion>
  );
}
