import { describe, expect, it } from 'vitest';
import { resetAfterSeconds, warnAfterSeconds } from '../../src/client/kiosk/useIdleCountdown';

describe('the kiosk idle countdown', () => {
  it('warns a third of the timeout before its end (at most 20 s before) and gives at least 15 s to answer', () => {
    for (const idle of [10, 12, 30, 45, 60, 90, 300]) {
      const warn = warnAfterSeconds(idle);
      const reset = resetAfterSeconds(idle);
      expect(reset - warn).toBeGreaterThanOrEqual(15);
      expect(reset).toBeGreaterThanOrEqual(idle);
      expect(warn).toBeLessThan(idle);
    }
    expect([warnAfterSeconds(90), resetAfterSeconds(90)]).toEqual([70, 90]);
    expect([warnAfterSeconds(12), resetAfterSeconds(12)]).toEqual([8, 23]);
  });
});
