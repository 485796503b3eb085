import type { FollowAnswer } from '../../shared/nearby';
import { StepHeading } from '../components/StepHeading';
import { useFeatureT } from '../i18n';
import { nearbyStrings } from '../i18n/nearbyStrings';
import { useAppStore } from '../state';

/** After "Saya juga mengalami ini": which report the citizen now follows and how many are affected. */
export function FollowedResult({ answer, onBack }: { answer: FollowAnswer; onBack: () => void }) {
  const t = useFeatureT(nearbyStrings);
  const openTracker = useAppStore((s) => s.openTracker);
  return (
    <div className="step followed-result" data-testid="followed-result">
      <StepHeading>{t('followedTitle', { id: answer.service_request_id })}</StepHeading>
      <p className="ticket-number">
        <strong>{answer.service_request_id}</strong>
      </p>
      <p data-testid="followed-count">{t('followedCount', { count: answer.people_affected })}</p>
      <p className="hint">{answer.mail === 'on' ? t('followedMail') : t('followedNoMail')}</p>
      <div className="form-actions">
        <button type="button" className="primary-button" onClick={() => openTracker(answer.service_request_id)}>
          {t('followedTrack')}
        </button>
        <button type="button" className="secondary-button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}
