import { describe, expect, it } from 'vitest';
import { createFrameRateWatch, frameDue, IDLE_FRAME_MS, idleBeatMs, keepAwake, matricesDiffer, WAKE_MS } from '../../src/client/world/pacing';

describe('the hall draws every frame while something moves, a slow beat otherwise', () => {
  it('draws at the beat when still, every frame while awake or steered', () => {
    const pace = { awakeUntil: 0 };
    expect(frameDue(pace, 1000, 1000 - 16, false)).toBe(false);
    expect(frameDue(pace, 1000, 1000 - IDLE_FRAME_MS, false)).toBe(true);
    expect(frameDue(pace, 1000, 1000 - 16, true)).toBe(true);
    keepAwake(pace, 1000);
    expect(pace.awakeUntil).toBe(1000 + WAKE_MS);
    expect(frameDue(pace, 1016, 1000, false)).toBe(true);
    expect(frameDue(pace, 1000 + WAKE_MS + 16, 1000 + WAKE_MS, false)).toBe(false);
    // Waking never shortens an earlier, longer wake.
    keepAwake(pace, 900, 10);
    expect(pace.awakeUntil).toBe(1000 + WAKE_MS);
  });

  it('slows the beat where frames are dear, never past a second', () => {
    expect(idleBeatMs(16.7)).toBe(IDLE_FRAME_MS);
    expect(idleBeatMs(120)).toBe(600);
    expect(idleBeatMs(5000)).toBe(1000);
    const pace = { awakeUntil: 0 };
    expect(frameDue(pace, 1000, 500, false, idleBeatMs(120))).toBe(false);
    expect(frameDue(pace, 1100, 500, false, idleBeatMs(120))).toBe(true);
  });

  it('tells a moved camera from one easing within a hair of its place', () => {
    const a = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 1.6, 7, 1];
    expect(matricesDiffer(a, a.slice())).toBe(false);
    expect(matricesDiffer(a, a.map((v, i) => (i === 12 ? v + 1e-5 : v)))).toBe(false);
    expect(matricesDiffer(a, a.map((v, i) => (i === 12 ? v + 0.01 : v)))).toBe(true);
  });

  it('steps the pixel ratio down when frames drawn back to back stay slow, up when fast, and settles when it keeps flipping', () => {
    const watch = createFrameRateWatch({ windowMs: 100, windows: 4, threshold: 0.75, flipflops: 2 });
    const feed = (ms: number, n: number) => {
      const verdicts = [];
      for (let i = 0; i < n; i++) {
        const v = watch.add(ms);
        if (v) verdicts.push(v);
      }
      return verdicts;
    };
    expect(feed(50, 8)).toEqual(['decline']); // 20 fps in every window
    expect(feed(16, 28)).toEqual(['incline']); // 62.5 fps
    expect(feed(25, 16)).toEqual([]); // 40 fps: neither slow nor fast
    expect(feed(50, 8)).toEqual(['fallback']);
    expect(feed(50, 80)).toEqual([]);
    expect(watch.add(Number.NaN)).toBeNull();
  });
});
