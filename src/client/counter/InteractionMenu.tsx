import type { AgencySummary } from '../../shared/catalog';
import { interactionsAt, type Interaction } from '../api';
import { useLang, useT, type MessageKey } from '../i18n';
import { useAppStore } from '../state';
import { StepHeading } from '../components/StepHeading';

const LABEL: Record<Interaction, MessageKey> = {
  complain: 'interaction_complain',
  request: 'interaction_request',
  inform: 'interaction_inform',
  track: 'interaction_track',
};

/** The counter's first question: complaint, service, information or tracking. */
export function InteractionMenu({ agency }: { agency: AgencySummary }) {
  const t = useT();
  const lang = useLang();
  const chooseInteraction = useAppStore((s) => s.chooseInteraction);
  return (
    <div className="step">
      <p className="agency-description">{agency.description[lang]}</p>
      <StepHeading>{t('whatToDo')}</StepHeading>
      <ul className="choice-list">
        {interactionsAt(agency).map((interaction) => (
          <li key={interaction}>
            <button type="button" className={`choice choice--${interaction}`} data-interaction={interaction} onClick={() => chooseInteraction(interaction)}>
              {t(LABEL[interaction])}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
