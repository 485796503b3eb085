/**
 * Runs `work` when the page is next idle (at the latest after `timeoutMs`): for what may be
 * prepared ahead but must not hold the first taps, e.g. the world's chunk and font, the
 * on-device routing index.
 */
export function whenIdle(work: () => void, timeoutMs = 3000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: timeoutMs });
  else setTimeout(work, Math.min(1000, timeoutMs));
}
