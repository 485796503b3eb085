import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addStaff } from '../../src/server/auth/staffStore';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, removeDir, spawnServer, startServer, tempDir, type TestServer } from '../helpers/server';
import { Client } from 'colyseus.js';
import { hallConnections, joinHall, login, waitFor, wrap, type JoinedHall } from '../helpers/rooms';

/**
 * Issue 11, the hall: what an attacker tried over real colyseus.js clients and raw sockets,
 * and what they get now. Each test names the point of the issue it covers.
 */
const PASSWORD = 'kata-sandi-rahasia-11';

async function fileCase(s: TestServer): Promise<{ id: string; secret: string }> {
  const posted = postResultSchema.parse(await (await postForm(s.url, drainageComplaint(s.apiKey))).json())[0];
  return { id: posted.service_request_id!, secret: posted.case_secret! };
}

/** Tries a raw WebSocket upgrade to the rooms endpoint with this Origin: 'open' or the refusal status. */
function upgrade(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/rooms/x/y?sessionId=z`, { origin });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', () => resolve('error'));
  });
}

describe('hall hardening (issue 11)', () => {
  let s: TestServer;
  let officerToken: string;
  let supervisorToken: string;
  const { join, track, leaveAll } = hallConnections();

  beforeAll(async () => {
    s = await startServer({ env: { OFFICER_GRACE_SECONDS: '5', STAFF_RECHECK_SECONDS: '0.5', PUBLIC_URL: 'https://balaikota.example.id', ALLOWED_ORIGINS: 'https://kios.example.id', HALL_JOINS_PER_MINUTE: '1000', RATE_LIMIT_LOGIN: '1000' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'dina.dukcapil', display_name: 'Dina', role: 'officer', agency_code: 'disdukcapil', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'hadi.dishub', display_name: 'Hadi', role: 'officer', agency_code: 'dishub', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
    officerToken = await login(s.url, 'andi.pu', PASSWORD);
    supervisorToken = await login(s.url, 'sri.spv', PASSWORD);
  });
  afterEach(leaveAll);
  afterAll(() => s.cleanup());

  it('3: matchmaking and WebSocket upgrades answer only the own origin, PUBLIC_URL and ALLOWED_ORIGINS', async () => {
    const matchmake = (origin: string) =>
      fetch(`${s.url}/rooms/matchmake/joinOrCreate/hall`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    const evil = await matchmake('http://127.0.0.1:9');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evil.json()).toEqual([{ code: 403, description: expect.stringContaining('Origin') }]);
    expect((await matchmake('null')).status).toBe(403);
    for (const good of [s.url, 'https://balaikota.example.id', 'https://kios.example.id']) {
      const ok = await matchmake(good);
      expect(ok.status).toBe(200);
      expect((await ok.json()).sessionId).toBeTruthy();
    }
    expect(await upgrade(s.url, 'http://localhost:9999')).toBe('401');
    expect(await upgrade(s.url, 'http://evil.example')).toBe('401');
    // The own origin gets through the upgrade (then the server closes: no seat was reserved).
    expect(await upgrade(s.url, s.url)).toBe('open');
  });

  it('7: names lose control, bidi and zero-width characters; staff-like names are replaced; staff are marked by the server', async () => {
    const tricky = await join(s.url, { name: '\u202Egnp.exe\u200B\u2066 Budi\nBaru\u0000' });
    const poser = await join(s.url, { name: 'Petugas Dinas PU' });
    const leet = await join(s.url, { name: 'SUPERV1SOR' });
    const fullwidth = await join(s.url, { name: 'Ａｄｍｉｎ' });
    const officer = await join(s.url, { staffToken: officerToken });
    const v = (j: JoinedHall) => officer.room.state.visitors.get(j.room.sessionId);
    await waitFor('all visible', () => [tricky, poser, leet, fullwidth].every((j) => v(j)));
    expect(v(tricky).name).toBe('gnp.exe BudiBaru');
    expect(v(tricky).name).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    for (const j of [poser, leet, fullwidth]) {
      expect(v(j).name).toMatch(/^Warga \d+$/);
      expect(v(j).role).toBe('citizen');
    }
    expect(v(officer).role).toBe('officer');
    expect(v(officer).name).toBe('Andi (PU)');
  });

  it('8 + 9: a transcript goes only to a case filed in the conversation or proven by its secret, stored as structured lines with WITA times', async () => {
    const stranger = await fileCase(s);
    const mine = await fileCase(s);
    const officer = await join(s.url, { staffToken: officerToken });
    const citizen = await join(s.url, { name: 'Budi' });
    await waitFor('PU live', () => citizen.room.state.counters.get('pu').officer === 'Andi (PU)');
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => officer.room.state.counters.get('pu').queue.length === 1);
    officer.room.send('callNext', {});
    await citizen.next('called');
    const forged = 'Halo pak.\n[01:00Z] Petugas Andi (PU): Baik, laporan ini DITOLAK';
    citizen.room.send('chat', { text: forged });
    await officer.next('chat');
    officer.room.send('chat', { text: 'Baik, kami catat.' });
    await citizen.next('chat');

    // Another person's case, known only by its public number: refused.
    citizen.room.send('attachTranscript', { service_request_id: stranger.id });
    expect(await citizen.next('refused')).toEqual({ type: 'attachTranscript', reason: 'not_your_case' });
    citizen.room.send('attachTranscript', { service_request_id: stranger.id, secret: 'x'.repeat(24) });
    expect((await citizen.next('refused')).reason).toBe('not_your_case');
    // The citizen's own earlier case, proven by the secret its filer received.
    citizen.room.send('attachTranscript', { service_request_id: mine.id, secret: mine.secret });
    expect(await citizen.next('attached')).toEqual({ service_request_id: mine.id });

    const notes = await s.server.ctx.db.selectFrom('request_notes').selectAll().where('service_request_id', 'in', [stranger.id, mine.id]).where('type', '=', 'transcript').execute();
    expect(notes.map((n) => n.service_request_id)).toEqual([mine.id]);
    const lines = notes[0].lines!;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ from: 'citizen', name: 'Budi', text: forged });
    expect(lines[1]).toMatchObject({ from: 'officer', name: 'Andi (PU)', text: 'Baik, kami catat.' });
    // The text form has exactly one line per chat line, WITA times, and the forged "officer" line stays inside the citizen's.
    const text = notes[0].description!.split('\n').slice(1);
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(/^\[\d\d:\d\d WITA\] Warga Budi: Halo pak\. ⏎ \[01:00Z\] Petugas/);
    expect(text[1]).toMatch(/^\[\d\d:\d\d WITA\] Petugas Andi \(PU\): Baik, kami catat\.$/);
    const staffView = await (await fetch(`${s.url}/api/staff/cases/${mine.id}`, { headers: { authorization: `Bearer ${officerToken}` } })).json();
    expect(staffView.case.notes.find((n: { type: string }) => n.type === 'transcript').lines).toHaveLength(2);
  });

  it('10 + 16: queue numbers are limited per visitor and per address, ticket prefixes are unique, a supervisor clears a flood', async () => {
    const officer = await join(s.url, { staffToken: await login(s.url, 'hadi.dishub', PASSWORD) });
    const dukcapil = await join(s.url, { staffToken: await login(s.url, 'dina.dukcapil', PASSWORD) });
    const supervisor = await join(s.url, { staffToken: supervisorToken });
    const bots: JoinedHall[] = [];
    for (let i = 0; i < 7; i += 1) bots.push(await join(s.url, { name: `Bot ${i}` }));
    await waitFor('counters live', () => supervisor.room.state.counters.get('dishub').officer && supervisor.room.state.counters.get('disdukcapil').officer);
    for (const bot of bots) bot.room.send('queueTake', { counter: 'dishub' });
    // HALL_QUEUE_PER_ADDRESS defaults to 5: the sixth and seventh bot from this address are refused.
    for (const bot of bots.slice(5)) expect(await bot.next('refused')).toEqual({ type: 'queueTake', reason: 'too_many_from_address' });
    const dishub = () => supervisor.room.state.counters.get('dishub');
    await waitFor('five queued', () => dishub().queue.length === 5);
    expect(dishub().queue[0].ticket).toMatch(/^DSH-\d{3}$/);

    // One visitor leaving and re-taking a number over and over is stopped too.
    const hopper = bots[0];
    for (let i = 0; i < 5; i += 1) {
      hopper.room.send('queueLeave', {});
      hopper.room.send('queueTake', { counter: 'disdukcapil' });
    }
    expect((await hopper.next('refused')).reason).toBe('too_many_numbers');
    const dq = () => supervisor.room.state.counters.get('disdukcapil').queue;
    await waitFor('the hopper out of every queue', () => dq().length === 0 && dishub().queue.length === 4);
    // The address has a number free again: another visitor from it takes one at Disdukcapil.
    bots[5].room.send('queueTake', { counter: 'disdukcapil' });
    await waitFor('queued at Disdukcapil', () => dq().length === 1);
    expect(dq()[0].ticket).toMatch(/^DSK-\d{3}$/);
    expect(dq()[0].ticket.slice(0, 3)).not.toBe(dishub().queue[0].ticket.slice(0, 3));

    // A citizen cannot clear a queue; the supervisor clears the repeated address's numbers.
    bots[1].room.send('clearQueue', { counter: 'dishub', scope: 'all' });
    expect((await bots[1].next('refused')).reason).toBe('not_supervisor');
    supervisor.room.send('clearQueue', { counter: 'dishub', scope: 'repeated' });
    await waitFor('dishub queue cleared', () => dishub().queue.length === 0);
    expect(await bots[2].next('queueCleared')).toEqual({ counter: 'dishub' });
    const audit = await s.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'clear_queue').execute();
    expect(audit[0].detail).toMatchObject({ scope: 'repeated', cleared: 4 });
    // Not the Disdukcapil queue: only the one the supervisor named.
    expect(dq().length).toBe(1);
    // The address has its numbers back.
    bots[6].room.send('queueTake', { counter: 'dishub' });
    await waitFor('a real number again', () => dishub().queue.length === 1);
    void officer;
    void dukcapil;
  });

  it('13: others see only initials of a citizen queued or served; the serving officer gets the full name', async () => {
    const officer = await join(s.url, { staffToken: await login(s.url, 'dina.dukcapil', PASSWORD) });
    const citizen = await join(s.url, { name: 'Budi Santoso' });
    const other = await join(s.url, { name: 'Nosy' });
    const spectatorClient = new Client(`${s.url.replace(/^http/, 'ws')}/rooms`);
    const spectator = wrap(spectatorClient, await spectatorClient.joinOrCreate('hall', { spectator: true }));
    track(spectator);
    await waitFor('spectator state', () => spectator.room.state.counters?.size > 0);
    const name = (j: JoinedHall) => j.room.state.visitors.get(citizen.room.sessionId)?.name;
    await waitFor('Disdukcapil live', () => other.room.state.counters.get('disdukcapil').officer === 'Dina');
    expect(name(other)).toBe('Budi Santoso');
    citizen.room.send('queueTake', { counter: 'disdukcapil' });
    await waitFor('initials while queued', () => name(other) === 'B. S.' && name(spectator) === 'B. S.');
    officer.room.send('callNext', {});
    expect((await officer.next('called')).citizen).toBe('Budi Santoso');
    await citizen.next('called');
    expect(name(other)).toBe('B. S.');
    citizen.room.send('chat', { text: 'Mau urus KTP' });
    expect((await officer.next('chat')).name).toBe('Budi Santoso');
    officer.room.send('endService', {});
    await citizen.next('ended');
    await waitFor('full name back after the conversation', () => name(other) === 'Budi Santoso');
  });

  it('11: logout, an expired session and a reconnect after logout end an officer\'s powers in the hall', async () => {
    // Logout while connected.
    const token1 = await login(s.url, 'andi.pu', PASSWORD);
    const officer = await join(s.url, { staffToken: token1 });
    const citizen = await join(s.url, { name: 'Eko' });
    const pu = () => citizen.room.state.counters.get('pu');
    await waitFor('PU live', () => pu().officerSessionId === officer.room.sessionId);
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => pu().queue.length === 1);
    expect((await fetch(`${s.url}/api/staff/logout`, { method: 'POST', headers: { authorization: `Bearer ${token1}` } })).status).toBe(200);
    expect(await officer.next('sessionEnded')).toEqual({ reason: 'session_ended' });
    await waitFor('PU back to self-service', () => pu().officer === '');
    expect(await citizen.next('counterClosed')).toEqual({ counter: 'pu' });

    // The 12-hour expiry (made to pass now) is found by the periodic re-check.
    const token2 = await login(s.url, 'andi.pu', PASSWORD);
    const again = await join(s.url, { staffToken: token2 });
    await waitFor('PU live again', () => pu().officerSessionId === again.room.sessionId);
    const staffId = (await s.server.ctx.db.selectFrom('staff').select('id').where('username', '=', 'andi.pu').executeTakeFirstOrThrow()).id;
    await s.server.ctx.db.updateTable('staff_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('staff_id', '=', staffId).execute();
    expect(await again.next('sessionEnded')).toEqual({ reason: 'session_ended' });
    await waitFor('PU closed after expiry', () => pu().officer === '');

    // A dropped connection whose session ends before it reconnects comes back without powers.
    const token3 = await login(s.url, 'andi.pu', PASSWORD);
    const third = await join(s.url, { staffToken: token3 });
    await waitFor('PU live a third time', () => pu().officerSessionId === third.room.sessionId);
    const reconnectionToken = third.room.reconnectionToken;
    await third.room.leave(false);
    await waitFor('away', () => pu().officerAway === true);
    expect((await fetch(`${s.url}/api/staff/logout`, { method: 'POST', headers: { authorization: `Bearer ${token3}` } })).status).toBe(200);
    const back = await third.client.reconnect(reconnectionToken);
    let closedWith = 0;
    back.onLeave((code) => (closedWith = code));
    await waitFor('PU closed after the reconnect', () => pu().officer === '');
    await waitFor('the reconnected officer let go', () => closedWith === 4003);
  });
});

describe('join floods, visits and remembered moderation (issue 11, points 10 and 14)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { HALL_JOINS_PER_MINUTE: '8', HALL_SEATS_PER_ADDRESS: '6' } });
    await addStaff(s.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
  });
  afterAll(() => s.cleanup());

  it('10: one address holds only so many seats and joins a minute; a visit counts once per device', async () => {
    const joined: JoinedHall[] = [];
    const failures: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      try {
        joined.push(await joinHall(s.url, { name: `Flood ${i}`, device: 'same-device-0001' }));
      } catch (error) {
        failures.push(String((error as Error).message));
      }
    }
    expect(joined.length).toBe(6);
    expect(failures.join(' ')).toMatch(/too many connections from this address/);
    // The ninth seat reservation in the minute is refused before any seat is held.
    const refused = await fetch(`${s.url}/rooms/matchmake/joinOrCreate/hall`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(429);
    const visits = async () => (await s.server.ctx.db.selectFrom('hall_events').select('kind').where('kind', '=', 'visit').execute()).length;
    await waitFor('a visit written', async () => (await visits()) > 0, 10_000).catch(() => undefined);
    await s.server.ctx.hallEvents.flush();
    expect(await visits()).toBe(1);
    for (const j of joined) await j.room.leave();
  });

  it('14: a removed visitor stays out for the chosen time; a mute survives a rejoin', async () => {
    const other = await startServer({ env: { HALL_JOINS_PER_MINUTE: '100' } });
    try {
      await addStaff(other.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
      const supervisor = await joinHall(other.url, { staffToken: await login(other.url, 'sri.spv', PASSWORD) });
      const noisy = await joinHall(other.url, { name: 'Noisy', device: 'noisy-device-01' });
      await waitFor('visible', () => supervisor.room.state.visitors.has(noisy.room.sessionId));
      supervisor.room.send('moderate', { sessionId: noisy.room.sessionId, action: 'mute', minutes: 30 });
      await noisy.next('moderated');
      await noisy.room.leave();
      const rejoined = await joinHall(other.url, { name: 'Noisy', device: 'noisy-device-01' });
      expect(rejoined.room.state.visitors.get(rejoined.room.sessionId).muted).toBe(true);
      rejoined.room.send('chat', { text: 'halo' });
      expect((await rejoined.next('refused')).reason).toBe('muted');

      const left = new Promise<number>((resolve) => rejoined.room.onLeave((code) => resolve(code)));
      supervisor.room.send('moderate', { sessionId: rejoined.room.sessionId, action: 'remove', minutes: 10 });
      expect(await left).toBe(4001);
      await expect(joinHall(other.url, { name: 'Noisy again', device: 'noisy-device-01' })).rejects.toThrow(/removed by a supervisor/);
      // Without a device id nobody can tell them apart from the removed visitor: kept out by address.
      await expect(joinHall(other.url, { name: 'No device' })).rejects.toThrow(/removed by a supervisor/);
      // Another device behind the same address (an exhibition LAN behind one NAT) still comes in…
      const removeFrom = async (device: string) => {
        const visitor = await joinHall(other.url, { name: device, device });
        await waitFor('visible', () => supervisor.room.state.visitors.has(visitor.room.sessionId));
        const gone = new Promise<number>((resolve) => visitor.room.onLeave((code) => resolve(code)));
        supervisor.room.send('moderate', { sessionId: visitor.room.sessionId, action: 'remove', minutes: 10 });
        expect(await gone).toBe(4001);
      };
      // …until ADDRESS_REMOVALS_LIMIT (3) devices were removed from that address: then the address is kept out.
      await removeFrom('lan-device-02');
      await removeFrom('lan-device-03');
      await expect(joinHall(other.url, { name: 'Fourth', device: 'lan-device-04' })).rejects.toThrow(/removed by a supervisor/);
      // Staff are never kept out by a citizen's sanction.
      const staffAgain = await joinHall(other.url, { staffToken: await login(other.url, 'sri.spv', PASSWORD) });
      await staffAgain.room.leave();
      const log = await other.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'moderate').execute();
      expect(log.map((l) => l.detail)).toEqual([
        { action: 'mute', minutes: 30 },
        { action: 'remove', minutes: 10 },
        { action: 'remove', minutes: 10 },
        { action: 'remove', minutes: 10 },
      ]);
      await supervisor.room.leave();
    } finally {
      await other.cleanup();
    }
  });
});

describe('log flooding (issue 11, point 16)', () => {
  it('logs one short line per refused frame, rate-limited, with no stack traces', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    const server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    try {
      const hall = await joinHall(server.url, { name: 'Fuzzer' });
      const breaker = await joinHall(server.url, { name: 'Breaker' });
      const ws = (breaker.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
      // A frame with a valid ROOM_DATA header and broken msgpack (the server drops that connection),
      ws.send(Buffer.from([13, 0xa4, 0x63, 0x68, 0x61, 0x74, 0xc1, 0xc1, 0xc1]));
      await waitFor('the log line for the broken frame', () => server.output().includes('refused:'));
      // then a stream of schema-invalid messages from another connection.
      for (let i = 0; i < 200; i += 1) hall.room.send('chat', { text: 42 });
      await waitFor('refusals logged', () => server.output().includes('chat from'));
      await new Promise((r) => setTimeout(r, 1000));
      const output = server.output();
      expect(output).not.toMatch(/^\s+at\s/m);
      expect(output).not.toMatch(/\\n\s+at /);
      const refusals = output.split('\n').filter((l) => l.includes('refused:'));
      expect(refusals.length).toBeGreaterThan(1);
      expect(refusals.length).toBeLessThanOrEqual(30);
      expect(output).toMatch(/chat from [\w-]+: text: /);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      await removeDir(dataDir);
    }
  });
});
