import { useFeatureT } from '../i18n';
import { guideStrings } from '../i18n/guideStrings';

/** Which step the picture is for; 'counter' is 'serve' without the E key (2D). */
export type GuideArtKind = 'move' | 'moveTouch' | 'serve' | 'counter' | 'take';

/** A small picture of the step: the keys, the counter's E, the take-me-to button. */
export function GuideArt({ art }: { art: GuideArtKind }) {
  const t = useFeatureT(guideStrings);
  if (art === 'move') {
    return (
      <div className="guide-art guide-art--keys" aria-hidden="true">
        <span className="guide-keypad">
          <kbd>↑</kbd>
          <kbd>←</kbd>
          <kbd>↓</kbd>
          <kbd>→</kbd>
        </span>
        <span className="guide-or">/</span>
        <span className="guide-keypad">
          <kbd>W</kbd>
          <kbd>A</kbd>
          <kbd>S</kbd>
          <kbd>D</kbd>
        </span>
        <span className="guide-stick" />
      </div>
    );
  }
  if (art === 'moveTouch') {
    return (
      <div className="guide-art" aria-hidden="true">
        <span className="guide-stick" />
      </div>
    );
  }
  if (art === 'serve' || art === 'counter') {
    return (
      <div className="guide-art" aria-hidden="true">
        <span className="guide-counter">
          <span className="guide-officer" />
          <span className="guide-desk" />
        </span>
        {art === 'serve' && <kbd className="guide-big-key">E</kbd>}
      </div>
    );
  }
  return (
    <div className="guide-art" aria-hidden="true">
      <span className="guide-fake-button">{t('takeMeTo')}</span>
    </div>
  );
}
