import { useId, useRef, useState } from 'react';
import { useFeatureT } from '../i18n';
import { guideStrings, type GuideKey } from '../i18n/guideStrings';
import { GuideArt, type GuideArtKind } from './GuideArt';
import { ModalDialog } from '../components/ModalDialog';
import { LangSwitch } from '../shell/LangSwitch';
import './guide.css';

/** A touch screen without a mouse or keys to speak of (phones, tablets, kiosks). */
function isTouchOnly(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches;
}

interface Step {
  title: GuideKey;
  items: GuideKey[];
  art: GuideArtKind;
}

const STEPS: Record<'3d' | '3dTouch' | '2d', Step[]> = {
  '3d': [
    { title: 'guideMoveTitle', items: ['guideMoveKeys', 'guideMoveTap', 'guideMoveStick'], art: 'move' },
    { title: 'guideServeTitle', items: ['guideServeWalk', 'guideServeKey', 'guideServeChoose', 'guideServeQueue'], art: 'serve' },
    { title: 'guideTakeTitle', items: ['guideTakeButton', 'guideTakeWalk', 'guideTakeGeneral'], art: 'take' },
  ],
  // A phone or touch screen has no arrow keys: speak of the joystick and of tapping.
  '3dTouch': [
    { title: 'guideMoveTitle', items: ['guideMoveStickTouch', 'guideMoveTapTouch'], art: 'moveTouch' },
    { title: 'guideServeTitle', items: ['guideServeWalk', 'guideServeTouch', 'guideServeChoose', 'guideServeQueue'], art: 'counter' },
    { title: 'guideTakeTitle', items: ['guideTakeButton', 'guideTakeWords', 'guideTakeGeneral'], art: 'take' },
  ],
  // No canvas: nothing to walk, so no movement step.
  '2d': [
    { title: 'guideServeTitle', items: ['guideServeList', 'guideServeChoose', 'guideServeQueue'], art: 'counter' },
    { title: 'guideTakeTitle', items: ['guideTakeButton', 'guideTakeOpen', 'guideTakeGeneral'], art: 'take' },
  ],
};

export interface FirstVisitGuideProps {
  /** '3d' includes how to move; '2d' is the counter list's variant. */
  variant: '3d' | '2d';
  /** Skip, Escape, or Start on the last step. */
  onDone(): void;
}

/** The short guide on a first visit: a modal dialog of two or three steps, skippable at any time. */
export function FirstVisitGuide({ variant, onDone }: FirstVisitGuideProps) {
  const t = useFeatureT(guideStrings);
  const steps = STEPS[variant === '3d' && isTouchOnly() ? '3dTouch' : variant];
  const [index, setIndex] = useState(0);
  const step = steps[index];
  const last = index === steps.length - 1;
  const titleId = useId();
  const bodyId = useId();
  const next = useRef<HTMLButtonElement>(null);

  return (
    <ModalDialog labelledBy={titleId} describedBy={bodyId} onClose={onDone} initialFocus={next} className="guide">
      <div className="guide-card" data-step={index + 1} data-variant={variant}>
        <div className="guide-top">
          <p className="guide-kicker">
            {t('guideLabel')} · {t('guideStep', { n: index + 1, total: steps.length })}
          </p>
          {/* The page behind is inert while the guide is open: its own language switch. */}
          <LangSwitch />
        </div>
        {/* Polite: stepping on (focus stays on Next) reads the new step. */}
        <div className="guide-step" aria-live="polite">
          <GuideArt art={step.art} />
          <h2 id={titleId}>{t(step.title)}</h2>
          <ul id={bodyId} className="guide-items">
            {step.items.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
        <ol className="guide-dots" aria-hidden="true">
          {steps.map((s, i) => (
            <li key={s.title} className={i === index ? 'is-current' : undefined} />
          ))}
        </ol>
        <div className="guide-actions">
          <button type="button" className="secondary-button" data-guide="skip" onClick={onDone}>
            {t('guideSkip')}
          </button>
          <button
            ref={next}
            type="button"
            className="primary-button"
            data-guide={last ? 'start' : 'next'}
            onClick={() => (last ? onDone() : setIndex(index + 1))}
          >
            {t(last ? 'guideStart' : 'guideNext')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
