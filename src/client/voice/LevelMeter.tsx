import { useEffect, useRef } from 'react';
import { remoteAudio } from './callStore';

/**
 * The other side's speaking level as a bar, read from the call module every frame and written
 * straight to the DOM (no React state per frame). A meter for assistive technology too.
 */
export function LevelMeter({ label }: { label: string }) {
  const bar = useRef<HTMLSpanElement>(null);
  const meter = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let frame = 0;
    let shown = -1;
    const tick = () => {
      // audioLevel is linear 0..1; speech sits low, so show its square root.
      const level = Math.round(Math.min(1, Math.sqrt(remoteAudio.level)) * 100);
      if (level !== shown && bar.current && meter.current) {
        shown = level;
        bar.current.style.transform = `scaleX(${level / 100})`;
        meter.current.setAttribute('aria-valuenow', String(level));
        meter.current.dataset.level = String(level);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <span className="voice-level" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} ref={meter} data-voice-level>
      <span className="voice-level-bar" ref={bar} />
    </span>
  );
}
