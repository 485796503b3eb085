import { useT } from '../i18n';
import type { LoadProgress } from './worldLoader';

/** The share of the bar the code download takes; the first frame fills the rest. */
const CODE_SHARE = 0.85;

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** A real progress bar: bytes of the world chunk, then its first rendered frame. */
export function LoadingOverlay({ progress }: { progress: LoadProgress }) {
  const t = useT();
  const { phase, loaded, total } = progress;
  const fraction = phase === 'start' ? CODE_SHARE + 0.1 : total ? (loaded / total) * CODE_SHARE : null;
  const text =
    phase === 'start'
      ? t('loadingStart')
      : t('loadingCode', { done: kb(loaded), total: total ? kb(total) : '…' });
  return (
    <div className="loading-overlay">
      <div className="loading-card">
        <p className="loading-title" id="loading-title">
          {t('loadingWorld')}
        </p>
        <progress
          className="loading-bar"
          aria-labelledby="loading-title"
          max={100}
          value={fraction === null ? undefined : Math.round(fraction * 100)}
          data-testid="world-progress"
        />
        <p className="loading-text">{text}</p>
      </div>
    </div>
  );
}
