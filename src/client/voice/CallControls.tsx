import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFeatureT } from '../i18n';
import { voiceStrings, type VoiceKey } from '../i18n/voiceStrings';
import { voiceUnavailable } from './availability';
import { useCall, type CallPhase } from './callStore';
import { LevelMeter } from './LevelMeter';
import './voice.css';

const STATE_KEYS: Partial<Record<CallPhase, VoiceKey>> = {
  asking: 'voiceState_asking',
  ringingOut: 'voiceState_ringingOut',
  ringingIn: 'voiceState_ringingIn',
  connecting: 'voiceState_connecting',
  connected: 'voiceState_connected',
};

const ACTIVE: ReadonlySet<CallPhase> = new Set(['asking', 'ringingOut', 'connecting', 'connected']);

/**
 * Talk, mute, hang up, "on air" and the other side's level, for a citizen at the counter and
 * for the officer on the staff console. The state is read out (aria-live); the call itself
 * lives in callStore.ts, so closing this panel does not end it.
 */
export function CallControls({ other, compact = false, floating = false }: { other: string; compact?: boolean; floating?: boolean }) {
  const t = useFeatureT(voiceStrings);
  const hintId = useId();
  const { phase, muted, pushToTalk, failure, ended } = useCall(
    useShallow((s) => ({ phase: s.phase, muted: s.muted, pushToTalk: s.pushToTalk, failure: s.failure, ended: s.ended })),
  );
  // Known at once on a plain-HTTP page from another device: say so instead of offering Talk.
  const [unavailable] = useState(voiceUnavailable);
  const active = ACTIVE.has(phase);
  const stateKey = phase === 'connected' && muted && !pushToTalk ? 'voiceState_muted' : STATE_KEYS[phase];
  const duration = ended ? t('voiceDuration', { m: Math.floor(ended.seconds / 60), s: ended.seconds % 60 }) : '';
  const status = stateKey ? t(stateKey, { name: other }) : phase === 'ended' && ended ? t('voiceState_ended', { duration }) : '';
  const shownFailure = failure ?? unavailable;

  const talk = () => void useCall.getState().talk();
  const hangUp = () => useCall.getState().hangUp();
  const hold = (down: boolean) => useCall.getState().setMuted(!down);
  const holdKey = (e: KeyboardEvent, down: boolean) => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault();
    if (!e.repeat) hold(down);
  };
  // While a panel shows these controls, the floating call bar stays away.
  useEffect(() => {
    if (floating) return;
    useCall.setState((s) => ({ controlsShown: s.controlsShown + 1 }));
    return () => useCall.setState((s) => ({ controlsShown: s.controlsShown - 1 }));
  }, [floating]);
  // A held push-to-talk button let go outside the window still mutes.
  useEffect(() => {
    if (!pushToTalk) return;
    const up = () => useCall.getState().setMuted(true);
    window.addEventListener('pointerup', up);
    window.addEventListener('blur', up);
    return () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('blur', up);
    };
  }, [pushToTalk]);

  return (
    <section className={`voice${compact ? ' voice--compact' : ''}`} aria-label={t('voiceTitle')} data-voice={phase}>
      <p className="sr-only" role="status" aria-live="polite" data-voice-status>
        {status}
      </p>
      {active ? (
        <>
          <div className="voice-row">
            <span className={`voice-onair${phase === 'connected' && !muted ? ' voice-onair--live' : ''}`} data-on-air={phase === 'connected' && !muted ? 'true' : 'false'}>
              <span className="voice-dot" aria-hidden="true" />
              {phase === 'connected' ? (muted ? t('voiceMutedBadge') : t('voiceOnAir')) : t(STATE_KEYS[phase]!, { name: other })}
            </span>
            <LevelMeter label={t('voiceOtherLevel', { name: other })} />
          </div>
          <div className="voice-row voice-buttons">
            {pushToTalk ? (
              <button
                type="button"
                className="primary-button voice-hold"
                aria-pressed={!muted}
                aria-describedby={hintId}
                onPointerDown={() => hold(true)}
                onPointerUp={() => hold(false)}
                onKeyDown={(e) => holdKey(e, true)}
                onKeyUp={(e) => holdKey(e, false)}
                data-action="voice-hold"
              >
                {t('voiceHold')}
              </button>
            ) : (
              <button type="button" className="secondary-button" aria-pressed={muted} onClick={() => useCall.getState().setMuted(!muted)} data-action="voice-mute">
                {muted ? t('voiceUnmute') : t('voiceMute')}
              </button>
            )}
            <button type="button" className="secondary-button voice-hangup" onClick={hangUp} data-action="voice-hangup">
              {t('voiceHangUp')}
            </button>
          </div>
          {pushToTalk && (
            <p className="hint" id={hintId}>
              {t('voiceHoldHint')}
            </p>
          )}
        </>
      ) : unavailable ? null : (
        <div className="voice-row">
          <button type="button" className="primary-button voice-talk" onClick={talk} aria-describedby={hintId} data-action="voice-talk">
            <svg className="voice-mic" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
              <path d="M6 11a6 6 0 0 0 12 0M12 17v4M8.5 21h7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {phase === 'ringingIn' ? t('voiceAnswer') : t('voiceTalk')}
          </button>
          <p className="hint" id={hintId}>
            {phase === 'ringingIn' ? t('voiceState_ringingIn', { name: other }) : t('voiceTalkHint')}
          </p>
        </div>
      )}
      {phase === 'ended' && ended && !active && <p className="hint" data-voice-ended>{status}</p>}
      {shownFailure && !active && (
        <p className="field-error voice-failure" role="alert" data-voice-failure={shownFailure}>
          {t(`voiceFail_${shownFailure}` as VoiceKey)}
        </p>
      )}
    </section>
  );
}
