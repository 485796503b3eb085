import { describe, expect, it } from 'vitest';
import { nameLine } from '../../src/client/world/signs/labels';
import { panelInsets } from '../../src/client/world/camera/panelFraming';
import {
  assignTags,
  createRemoteSlots,
  hideOnDutyOfficers,
  INTERPOLATE_MS,
  nearestSlots,
  reslot,
  SNAP_DISTANCE,
  stepSlot,
  type RemoteReport,
} from '../../src/client/world/visitors/remoteSlots';

const looks = { skins: 4, hijabColors: 6 };
const report = (name: string, x: number, z: number, extra: Partial<RemoteReport> = {}): RemoteReport => ({
  name,
  color: '#2e86ab',
  role: 'citizen',
  x,
  z,
  h: 0,
  anim: 'idle',
  at: 0,
  ...extra,
});

/** Steps slot i from `from` ms to `to` ms in 16 ms frames. */
function run(s: ReturnType<typeof createRemoteSlots>, i: number, from: number, to: number): void {
  for (let t = from; t <= to; t += 16) stepSlot(s, i, t, 0.016);
}

describe('remote visitor slots', () => {
  it('snaps to the first report, then glides linearly to each new one over one report interval', () => {
    const s = createRemoteSlots(8);
    const byId = new Map([['a', report('Andi', 1, 2)]]);
    reslot(s, byId, 1, looks);
    stepSlot(s, 0, 1000, 0.016);
    expect([s.x[0], s.z[0]]).toEqual([1, 2]);

    const a = byId.get('a')!;
    a.x = 2;
    a.at = 1100;
    stepSlot(s, 0, 1100, 0.016);
    expect(s.x[0]).toBeCloseTo(1, 5);
    stepSlot(s, 0, 1100 + INTERPOLATE_MS / 2, 0.016);
    expect(s.x[0]).toBeCloseTo(1.5, 5);
    stepSlot(s, 0, 1100 + INTERPOLATE_MS, 0.016);
    expect(s.x[0]).toBeCloseTo(2, 5);
    stepSlot(s, 0, 1100 + INTERPOLATE_MS * 3, 0.016);
    expect(s.x[0]).toBeCloseTo(2, 5);
  });

  it('starts the next glide from where it is drawn, so a report arriving early never jumps', () => {
    const s = createRemoteSlots(4);
    const a = report('Andi', 0, 0);
    reslot(s, new Map([['a', a]]), 1, looks);
    stepSlot(s, 0, 0, 0.016);
    a.x = 1;
    a.at = 1;
    stepSlot(s, 0, 100, 0.016);
    stepSlot(s, 0, 100 + INTERPOLATE_MS / 2, 0.016);
    const mid = s.x[0];
    a.x = 2;
    a.at = 2;
    stepSlot(s, 0, 100 + INTERPOLATE_MS / 2 + 1, 0.001);
    expect(Math.abs(s.x[0] - mid)).toBeLessThan(0.05);
    run(s, 0, 200, 200 + INTERPOLATE_MS + 50);
    expect(s.x[0]).toBeCloseTo(2, 5);
  });

  it('snaps instead of sliding across the hall on a teleport', () => {
    const s = createRemoteSlots(4);
    const a = report('Andi', 0, 0);
    reslot(s, new Map([['a', a]]), 1, looks);
    stepSlot(s, 0, 0, 0.016);
    a.x = SNAP_DISTANCE + 1;
    a.at = 5;
    stepSlot(s, 0, 16, 0.016);
    expect(s.x[0]).toBe(SNAP_DISTANCE + 1);
  });

  it('turns the heading the short way round, and swings the legs only while walking', () => {
    const s = createRemoteSlots(4);
    const a = report('Andi', 0, 0, { h: 3 });
    reslot(s, new Map([['a', a]]), 1, looks);
    stepSlot(s, 0, 0, 0.016);
    a.h = -3;
    a.at = 1;
    stepSlot(s, 0, 16, 0.016);
    // From 3 to -3 rad the short way passes π, not 0.
    expect(Math.abs(s.h[0])).toBeGreaterThan(3);
    run(s, 0, 32, 1000);
    expect(s.h[0]).toBeCloseTo(-3, 3);
    expect(s.swing[0]).toBeLessThan(0.01);
    a.anim = 'walk';
    run(s, 0, 1016, 1500);
    expect(s.swing[0]).toBeGreaterThan(0.5);
  });

  it('re-slots on join and leave, keeping the smoothed state of those who stay', () => {
    const s = createRemoteSlots(8);
    const byId = new Map([
      ['a', report('Andi', 0, 0)],
      ['b', report('Budi', 5, 5)],
      ['c', report('Cici', 9, 9)],
    ]);
    expect(reslot(s, byId, 1, looks)).toBe(true);
    expect(reslot(s, byId, 1, looks)).toBe(false);
    for (let i = 0; i < s.count; i++) stepSlot(s, i, 0, 0.016);
    const c = byId.get('c')!;
    c.x = 10;
    c.at = 1;
    stepSlot(s, 2, 16, 0.016);
    stepSlot(s, 2, 16 + INTERPOLATE_MS / 2, 0.016);
    const drawn = s.x[2];

    byId.delete('b');
    byId.set('d', report('Dewi', 1, 1));
    reslot(s, byId, 2, looks);
    expect(s.ids).toEqual(['a', 'c', 'd']);
    expect(s.count).toBe(3);
    expect(s.x[1]).toBeCloseTo(drawn, 5);
  });

  it('draws no more than its capacity', () => {
    const s = createRemoteSlots(2);
    reslot(s, new Map([['a', report('A', 0, 0)], ['b', report('B', 0, 0)], ['c', report('C', 0, 0)]]), 1, looks);
    expect(s.count).toBe(2);
  });

  it('hides remote officers standing at a desk, not citizens there nor officers walking about', () => {
    const s = createRemoteSlots(4);
    const byId = new Map([
      ['o1', report('Petugas', 3.5, 0.2, { role: 'officer' })],
      ['o2', report('Petugas 2', 10, 10, { role: 'officer' })],
      ['c1', report('Warga', 3.2, 0, { role: 'citizen' })],
    ]);
    reslot(s, byId, 1, looks);
    hideOnDutyOfficers(s, [{ officerX: 3, officerZ: 0 }]);
    expect(Array.from(s.hidden.slice(0, 3))).toEqual([1, 0, 0]);
  });

  it('finds the nearest visible visitors and keeps tags on the visitors they already label', () => {
    const s = createRemoteSlots(16);
    const byId = new Map<string, RemoteReport>();
    for (let i = 0; i < 10; i++) byId.set(`v${i}`, report(`V${i}`, i, 0));
    reslot(s, byId, 1, looks);
    for (let i = 0; i < s.count; i++) stepSlot(s, i, 0, 0.016);
    const out = new Int32Array(3);
    const d2 = new Float32Array(3);
    expect(nearestSlots(s, 4.2, 0, 100, out, d2)).toBe(3);
    expect(Array.from(out)).toEqual([4, 5, 3]);
    expect(nearestSlots(s, 4.2, 0, 0.5, out, d2)).toBe(1);

    const tagIds = ['', '', ''];
    const tagSlot = new Int32Array(3).fill(-1);
    let n = nearestSlots(s, 4.2, 0, 100, out, d2);
    expect(assignTags(s, out, n, tagIds, tagSlot)).toBe(true);
    expect([...tagIds].sort()).toEqual(['v3', 'v4', 'v5']);
    const before = [...tagIds];
    // The player moves right: v3 drops out, v6 takes its tag; v4 and v5 keep theirs.
    n = nearestSlots(s, 5.2, 0, 100, out, d2);
    assignTags(s, out, n, tagIds, tagSlot);
    expect(tagIds[before.indexOf('v4')]).toBe('v4');
    expect(tagIds[before.indexOf('v5')]).toBe('v5');
    expect(tagIds[before.indexOf('v3')]).toBe('v6');
    expect(tagSlot[before.indexOf('v3')]).toBe(6);
    expect(assignTags(s, out, n, tagIds, tagSlot)).toBe(false);
  });
});

describe('world labels and framing', () => {
  it('shows a name on one line, clipped', () => {
    expect(nameLine('  Andi \n Baso ')).toBe('Andi Baso');
    expect(nameLine('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('knows where the app panels cover the canvas', () => {
    expect(panelInsets('right', 1280, 800)).toEqual({ top: 64, right: 472 });
    expect(panelInsets('bottom', 390, 800)).toEqual({ top: 104, bottom: 528 });
  });
});
