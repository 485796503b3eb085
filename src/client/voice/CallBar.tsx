import { useShallow } from 'zustand/react/shallow';
import { useFeatureT } from '../i18n';
import { voiceStrings } from '../i18n/voiceStrings';
import { useHall } from '../net/hallStore';
import { CallControls } from './CallControls';
import { useCall } from './callStore';

/**
 * The running call when no panel shows its controls (the citizen closed the counter panel or
 * walked away, the officer switched tabs): the audio goes on, and hanging up stays one press away.
 */
export function CallBar() {
  const t = useFeatureT(voiceStrings);
  const { phase, controls } = useCall(useShallow((s) => ({ phase: s.phase, controls: s.controlsShown })));
  const conversation = useHall((s) => s.conversation);
  const active = phase === 'ringingOut' || phase === 'connecting' || phase === 'connected' || phase === 'ringingIn';
  if (!active || controls > 0 || !conversation) return null;
  const other = useHall.getState().role === 'citizen' ? conversation.officer : conversation.citizen || conversation.ticket;
  return (
    <aside className="voice-bar" aria-label={t('voiceTitle')} data-voice-bar>
      <CallControls other={other} compact floating />
    </aside>
  );
}
