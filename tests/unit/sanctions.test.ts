import { describe, expect, it } from 'vitest';
import { ADDRESS_REMOVALS_LIMIT, Sanctions } from '../../src/server/net/sanctions';

describe('moderation memory: by device first, by address only within a limit', () => {
  const address = 'a:203.0.113.9';

  it('a removal keeps its device out, and a join without a device from that address, but not other devices behind it', async () => {
    const s = new Sanctions();
    await s.record({ address, device: 'dev-removed' }, 'remove', 10);
    expect((await s.forJoin({ address, device: 'dev-removed' }))?.action).toBe('remove');
    expect((await s.forJoin({ address: 'a:198.51.100.1', device: 'dev-removed' }))?.action).toBe('remove');
    expect((await s.forJoin({ address }))?.action).toBe('remove');
    expect(await s.forJoin({ address, device: 'dev-neighbour' })).toBeUndefined();
  });

  it(`after ${ADDRESS_REMOVALS_LIMIT} devices were removed from one address, the address is kept out`, async () => {
    const s = new Sanctions();
    for (let i = 1; i < ADDRESS_REMOVALS_LIMIT; i++) await s.record({ address, device: `dev-${i}` }, 'remove', 10);
    expect(await s.forJoin({ address, device: 'dev-new' })).toBeUndefined();
    // The same device removed twice counts once.
    await s.record({ address, device: 'dev-1' }, 'remove', 10);
    expect(await s.forJoin({ address, device: 'dev-new' })).toBeUndefined();
    await s.record({ address, device: `dev-${ADDRESS_REMOVALS_LIMIT}` }, 'remove', 10);
    expect((await s.forJoin({ address, device: 'dev-new' }))?.action).toBe('remove');
  });

  it('a mute follows the device; unmute lifts it; a removal outranks a mute; time runs out', async () => {
    const s = new Sanctions();
    const now = Date.now();
    await s.record({ address, device: 'dev-m' }, 'mute', 5, now);
    expect((await s.forJoin({ address, device: 'dev-m' }, now))?.action).toBe('mute');
    expect(await s.forJoin({ address, device: 'dev-other' }, now)).toBeUndefined();
    await s.lift({ address, device: 'dev-m' }, now);
    expect(await s.forJoin({ address, device: 'dev-m' }, now)).toBeUndefined();
    await s.record({ address, device: 'dev-r' }, 'remove', 1, now);
    await s.record({ address, device: 'dev-r' }, 'mute', 30, now);
    expect((await s.forJoin({ address, device: 'dev-r' }, now))?.action).toBe('remove');
    // The removal's minute runs out: nothing is left (a mute under a live removal was not kept, as before).
    expect(await s.forJoin({ address, device: 'dev-r' }, now + 61_000)).toBeUndefined();
  });
});
