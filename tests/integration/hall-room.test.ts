import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { MOVE_BYTES, decodeMove, encodeMove } from '../../src/shared/messages';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';
import { hallConnections, joinHall, login, waitFor, type JoinedHall } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-1';

describe('the hall room with real colyseus.js clients', () => {
  let s: TestServer;
  let officerToken: string;
  let supervisorToken: string;
  const { join, track, leaveAll } = hallConnections();

  beforeAll(async () => {
    s = await startServer({ env: { OFFICER_GRACE_SECONDS: '1' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
    officerToken = await login(s.url, 'andi.pu', PASSWORD);
    supervisorToken = await login(s.url, 'sri.spv', PASSWORD);
  });
  afterEach(leaveAll);
  afterAll(() => s.cleanup());

  it('staff login → counter live → queue → chat → transcript note → stage change seen by the citizen', async () => {
    const citizen = await join(s.url, { name: 'Budi', color: '#ff8800' });
    const pu = () => citizen.room.state.counters.get('pu');
    await waitFor('counters in state', () => pu());
    expect(pu().officer).toBe('');

    const officer = await join(s.url, { staffToken: officerToken });
    await waitFor('PU counter live for the citizen', () => pu().officer === 'Andi (PU)');
    const officerVisitor = citizen.room.state.visitors.get(officer.room.sessionId);
    expect(officerVisitor.role).toBe('officer');

    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('the citizen in the queue', () => officer.room.state.counters.get('pu').queue.length === 1);
    const ticket = pu().queue[0].ticket as string;
    expect(ticket).toMatch(/^PU-\d{3}$/);
    expect(pu().avgServiceSeconds).toBeGreaterThan(0);

    officer.room.send('callNext', {});
    expect(await citizen.next('called')).toMatchObject({ counter: 'pu', ticket, officer: 'Andi (PU)' });
    expect(await officer.next('called')).toMatchObject({ ticket, citizen: 'Budi' });
    await waitFor('serving shown', () => pu().serving === ticket);

    citizen.room.send('chat', { text: 'Saluran depan rumah saya tersumbat, <b>banjir</b>.' });
    expect((await officer.next('chat')).text).toBe('Saluran depan rumah saya tersumbat, <b>banjir</b>.');
    expect((await citizen.next('chat')).from).toBe('citizen'); // the citizen's own line, echoed
    officer.room.send('chat', { text: 'Baik Pak Budi, silakan buat laporan, saya bantu proses.' });
    expect(await citizen.next('chat')).toMatchObject({ from: 'officer', name: 'Andi (PU)' });

    const posted = await postForm(s.url, drainageComplaint(s.apiKey));
    const id = postResultSchema.parse(await posted.json())[0].service_request_id!;
    citizen.room.send('attachTranscript', { service_request_id: id });
    expect(await citizen.next('attached')).toEqual({ service_request_id: id });

    const staffView = await (await fetch(`${s.url}/api/staff/cases/${id}`, { headers: { authorization: `Bearer ${officerToken}` } })).json();
    const transcript = staffView.case.notes.find((n: { type: string }) => n.type === 'transcript');
    expect(transcript.description).toContain('Saluran depan rumah saya tersumbat');
    const publicView = await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).text();
    expect(publicView).not.toContain('tersumbat, <b>banjir');

    for (const stage of ['referred', 'in_progress']) {
      const moved = await fetch(`${s.url}/api/staff/cases/${id}/stage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ stage, note: stage === 'in_progress' ? 'Tim turun besok pagi.' : undefined }),
      });
      expect(moved.status).toBe(200);
    }
    const [tracked] = serviceRequestSchema.array().parse(await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).json());
    expect(tracked.stage).toBe('in_progress');
    expect(tracked.status_notes).toBe('Diproses — Tim turun besok pagi.');

    officer.room.send('endService', {});
    expect((await citizen.next('ended')).reason).toBe('officer_ended');
    await waitFor('serving cleared', () => pu().serving === '');
  });

  it('keeps the counter through a short drop, returns it to self-service after the grace period, and tells the queue', async () => {
    const officer = await join(s.url, { staffToken: officerToken });
    const citizen = await join(s.url, { name: 'Citra' });
    const pu = () => citizen.room.state.counters.get('pu');
    await waitFor('PU live', () => pu()?.officer === 'Andi (PU)' && pu().officerSessionId === officer.room.sessionId);

    // A drop (not a consented leave) and a reconnection within the grace period.
    const token = officer.room.reconnectionToken;
    await officer.room.leave(false);
    await waitFor('officer marked away', () => pu().officerAway === true);
    const back = await officer.client.reconnect(token);
    track({ ...officer, room: back });
    await waitFor('officer back', () => pu().officerAway === false && pu().officer === 'Andi (PU)');
    expect(citizen.room.state.visitors.size).toBe(new Set([...citizen.room.state.visitors.keys()]).size);

    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => pu().queue.length === 1);
    await back.leave(false);
    expect(await citizen.next('counterClosed', 15_000)).toEqual({ counter: 'pu' });
    await waitFor('self-service again', () => pu().officer === '' && pu().queue.length === 0);
    await waitFor('officer avatar gone', () => !citizen.room.state.visitors.has(back.sessionId));
  });

  it('leaves no ghosts or duplicates when visitors join, leave and reconnect', async () => {
    const a = await join(s.url, { name: 'Dewi' });
    const b = await join(s.url, { name: 'Eko' });
    await waitFor('both visible', () => a.room.state.visitors.has(b.room.sessionId));
    const before = a.room.state.visitors.size;
    const token = b.room.reconnectionToken;
    await b.room.leave(false);
    const again = await b.client.reconnect(token);
    track({ ...b, room: again });
    expect(again.sessionId).toBe(b.room.sessionId);
    await new Promise((r) => setTimeout(r, 200));
    expect(a.room.state.visitors.size).toBe(before);
    await again.leave(true);
    await waitFor('Eko gone', () => !a.room.state.visitors.has(b.room.sessionId));
    expect(a.room.state.visitors.size).toBe(before - 1);
  });

  it('clamps positions to the walkable floor and limits speed', async () => {
    const a = await join(s.url, { name: 'Fajar' });
    const me = () => a.room.state.visitors.get(a.room.sessionId);
    await waitFor('own avatar', () => me());
    const start = { x: me().x, z: me().z };
    a.room.send('move', { x: 30000, z: -30000, h: 0, a: 'walk' });
    await waitFor('moved', () => me().x !== start.x || me().z !== start.z);
    const step = Math.hypot(me().x - start.x, me().z - start.z) / 100;
    expect(step).toBeLessThanOrEqual(6 + 0.25 + 0.01);
    const half = s.server.ctx.hall.size;
    for (let i = 0; i < 40; i += 1) {
      a.room.send('move', { x: 30000, z: 30000, h: 0, a: 'walk' });
      await new Promise((r) => setTimeout(r, 110));
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(Math.abs(me().x / 100)).toBeLessThanOrEqual(half.width / 2);
    expect(Math.abs(me().z / 100)).toBeLessThanOrEqual(half.depth / 2);
  });

  it('takes the 7-byte move the web client sends, and drops malformed bytes', async () => {
    const a = await join(s.url, { name: 'Gilang' });
    const me = () => a.room.state.visitors.get(a.room.sessionId);
    await waitFor('own avatar', () => me());
    const start = { x: me().x, z: me().z };
    a.room.sendBytes(MOVE_BYTES, encodeMove({ x: start.x + 50, z: start.z - 50, h: 120, a: 'walk' }));
    await waitFor('moved by bytes', () => me().x === start.x + 50 && me().z === start.z - 50);
    expect(me().h).toBe(120);
    expect(me().a).toBe('walk');
    // Wrong lengths, a heading out of range, an unknown animation: dropped, the avatar stays.
    const bad = [new Uint8Array(0), new Uint8Array(6), new Uint8Array(8), new Uint8Array(2000), encodeMove({ x: 0, z: 0, h: 0, a: 'walk' }).map((b, i) => (i === 6 ? 9 : b))];
    const badHeading = encodeMove({ x: 0, z: 0, h: 0, a: 'idle' });
    new DataView(badHeading.buffer).setInt16(4, 400, true);
    for (const bytes of [...bad, badHeading]) {
      await new Promise((r) => setTimeout(r, 110));
      a.room.sendBytes(MOVE_BYTES, bytes);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect({ x: me().x, z: me().z, h: me().h }).toEqual({ x: start.x + 50, z: start.z - 50, h: 120 });
    expect(decodeMove(encodeMove({ x: -32768, z: 32767, h: -315, a: 'idle' }))).toEqual({ x: -32768, z: 32767, h: -315, a: 'idle' });
  });

  it('drops bad and hostile messages without harming the room', async () => {
    const victim = await join(s.url, { name: 'Gita' });
    const attacker = await join(s.url, { name: 'Hostile' });
    const rand = (() => {
      let x = 42;
      return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    const payloads: unknown[] = [null, 1, 'x', [], {}, { x: 'a' }, { x: 1e9, z: -1e9, h: 9999, a: 'fly' }, { counter: 'x'.repeat(2000) }, { text: '' }, { text: 'x'.repeat(3000) }, { __proto__: { admin: true } }, { sessionId: victim.room.sessionId, action: 'remove' }];
    const types = ['move', 'queueTake', 'queueLeave', 'chat', 'attachTranscript', 'callNext', 'endService', 'moderate', 'nope', '__proto__', ''];
    for (let i = 0; i < 300; i += 1) attacker.room.send(types[Math.floor(rand() * types.length)], payloads[Math.floor(rand() * payloads.length)]);
    await new Promise((r) => setTimeout(r, 500));
    // The victim is still there (a citizen cannot moderate), the room still answers.
    expect(attacker.room.state.visitors.has(victim.room.sessionId)).toBe(true);
    const late = await join(s.url, { name: 'Late' });
    await waitFor('late joiner sees the victim', () => late.room.state.visitors.has(victim.room.sessionId));
    expect([...attacker.inbox.filter((m) => m.type === 'refused').map((m) => m.message.reason)]).toContain('not_supervisor');
  });

  it('lets a supervisor mute and remove a visitor', async () => {
    const supervisor = await join(s.url, { staffToken: supervisorToken });
    const visitor = await join(s.url, { name: 'Iwan' });
    await waitFor('visible', () => supervisor.room.state.visitors.has(visitor.room.sessionId));
    supervisor.room.send('moderate', { sessionId: visitor.room.sessionId, action: 'mute' });
    expect(await visitor.next('moderated')).toEqual({ action: 'mute' });
    await waitFor('muted', () => supervisor.room.state.visitors.get(visitor.room.sessionId).muted === true);
    visitor.room.send('chat', { text: 'halo' });
    expect((await visitor.next('refused')).reason).toBe('muted');
    const left = new Promise<number>((resolve) => visitor.room.onLeave((code) => resolve(code)));
    supervisor.room.send('moderate', { sessionId: visitor.room.sessionId, action: 'remove' });
    expect(await left).toBe(4001);
    await waitFor('removed', () => !supervisor.room.state.visitors.has(visitor.room.sessionId));
    const log = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'moderate').execute();
    expect(log.length).toBe(2);
  });
});

describe('a full hall opens another instance', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { HALL_CAPACITY: '2' } });
  });
  afterAll(() => s.cleanup());

  it('puts the third visitor into instance 2', async () => {
    const a = await joinHall(s.url, { name: 'A' });
    const b = await joinHall(s.url, { name: 'B' });
    const c = await joinHall(s.url, { name: 'C' });
    await waitFor('state', () => c.room.state.instance);
    expect(a.room.roomId).toBe(b.room.roomId);
    expect(c.room.roomId).not.toBe(a.room.roomId);
    expect(a.room.state.instance).toBe(1);
    expect(c.room.state.instance).toBe(2);
    for (const j of [a, b, c]) await j.room.leave();
  });
});
