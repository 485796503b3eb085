import { Client, type Room } from 'colyseus.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { HALL_ROOM } from '../../src/shared/messages';
import { startServer, type TestServer } from '../helpers/server';
import { joinHall, login, waitFor, wrap, type JoinedHall } from '../helpers/rooms';

/** A projector joins as a spectator: it has no avatar of its own, so it waits for the counters instead. */
async function joinSpectator(url: string, options: { staffToken?: string } = {}): Promise<JoinedHall> {
  const client = new Client(`${url.replace(/^http/, 'ws')}/rooms`);
  const room: Room = await client.joinOrCreate(HALL_ROOM, { ...options, spectator: true });
  await waitFor('the first state', () => room.state?.counters?.size > 0);
  return wrap(client, room);
}

describe('a spectator (projector) in the hall room', () => {
  let s: TestServer;
  let officerToken: string;
  const open: JoinedHall[] = [];
  const keep = (j: JoinedHall) => (open.push(j), j);

  beforeAll(async () => {
    s = await startServer();
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: 'kata-sandi-rahasia-1' });
    officerToken = await login(s.url, 'andi.pu', 'kata-sandi-rahasia-1');
  });
  afterEach(async () => {
    for (const j of open.splice(0)) if (j.room.connection.isOpen) await j.room.leave().catch(() => undefined);
  });
  afterAll(() => s.cleanup());

  it('sees a visitor join, move and leave, and is itself in nobody’s visitors', async () => {
    const spectator = keep(await joinSpectator(s.url));
    expect(spectator.room.state.visitors.size).toBe(0);

    const citizen = keep(await joinHall(s.url, { name: 'Budi', device: 'device-budi-0001' }));
    expect(citizen.room.roomId).toBe(spectator.room.roomId);
    const seen = () => spectator.room.state.visitors.get(citizen.room.sessionId);
    await waitFor('the spectator sees the citizen', () => seen());
    expect(seen().name).toBe('Budi');
    expect(spectator.room.state.visitors.has(spectator.room.sessionId)).toBe(false);
    expect([...citizen.room.state.visitors.keys()]).toEqual([citizen.room.sessionId]);

    const start = { x: seen().x, z: seen().z };
    citizen.room.send('move', { x: start.x, z: start.z - 150, h: 0, a: 'walk' });
    await waitFor('the spectator sees the move', () => seen().z !== start.z);
    expect(seen().z).toBe(start.z - 150);

    await citizen.room.leave(true);
    await waitFor('the citizen gone for the spectator', () => !spectator.room.state.visitors.has(citizen.room.sessionId));
    expect(spectator.room.state.visitors.size).toBe(0);
  });

  it('cannot move, queue or chat, and is not a visit in the hall’s figures', async () => {
    const officer = keep(await joinHall(s.url, { staffToken: officerToken }));
    const spectator = keep(await joinSpectator(s.url));
    await waitFor('PU live for the spectator', () => spectator.room.state.counters.get('pu').officer === 'Andi (PU)');

    spectator.room.send('queueTake', { counter: 'pu' });
    expect(await spectator.next('refused')).toEqual({ type: 'queueTake', reason: 'spectator' });
    spectator.room.send('chat', { text: 'halo' });
    expect(await spectator.next('refused')).toEqual({ type: 'chat', reason: 'spectator' });
    spectator.room.send('move', { x: 0, z: 0, h: 0, a: 'walk' });

    const citizen = keep(await joinHall(s.url, { name: 'Citra', device: 'device-citra-0001' }));
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('the queue, seen by the spectator', () => spectator.room.state.counters.get('pu').queue.length === 1);
    expect(spectator.room.state.counters.get('pu').queue[0].sessionId).toBe(citizen.room.sessionId);
    // The officer and the citizen: the spectator is nowhere, for anyone.
    for (const j of [officer, citizen, spectator]) expect(j.room.state.visitors.size).toBe(2);
    expect(officer.room.state.visitors.has(spectator.room.sessionId)).toBe(false);

    // Hall events are written in batches (at most a second late). Two citizens have joined this
    // server (Budi, Citra: two devices) and three spectators: two visits, and still two a while after one more spectator.
    const visits = async () => (await s.server.ctx.db.selectFrom('hall_events').select('kind').where('kind', '=', 'visit').execute()).length;
    for (let until = Date.now() + 10_000; (await visits()) < 2 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
    const second = keep(await joinSpectator(s.url));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await visits()).toBe(2);
    expect(second.room.state.visitors.size).toBe(2);
  });

  it('lets an officer’s projector watch without taking the counter', async () => {
    const projector = keep(await joinSpectator(s.url, { staffToken: officerToken }));
    await new Promise((r) => setTimeout(r, 200));
    expect(projector.room.state.counters.get('pu').officer).toBe('');
    expect(projector.room.state.visitors.size).toBe(0);
  });
});
