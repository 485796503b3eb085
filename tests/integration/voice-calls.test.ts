import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { CALL_SIGNALS_PER_10S, MAX_SDP } from '../../src/shared/messages';
import { postResultSchema } from '../../src/shared/open311';
import { DATABASES, drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';
import { hallConnections, login, waitFor, type JoinedHall } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-1';
const OFFER = { kind: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n' };

/** Issue 14: the hall room carries call signalling between an officer and the citizen they called, and nobody else. */
describe.each(DATABASES)('voice call signalling in the hall room (%s)', (database) => {
  let s: TestServer;
  let puToken: string;
  let dinsosToken: string;
  let supervisorToken: string;
  const { join, leaveAll } = hallConnections();

  beforeAll(async () => {
    s = await startServer({ database });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'rina.dinsos', display_name: 'Rina (Dinsos)', role: 'officer', agency_code: 'dinsos', password: PASSWORD });
    puToken = await login(s.url, 'andi.pu', PASSWORD);
    dinsosToken = await login(s.url, 'rina.dinsos', PASSWORD);
    await addStaff(s.server.ctx.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: PASSWORD });
    supervisorToken = await login(s.url, 'sri.spv', PASSWORD);
  });
  afterEach(leaveAll);
  afterAll(() => s.cleanup());

  /** An officer on duty at PU who has called one citizen: the pair that may talk. */
  async function servedPair(name = 'Budi', counter = 'pu'): Promise<{ officer: JoinedHall; citizen: JoinedHall }> {
    const officer = await join(s.url, { staffToken: counter === 'pu' ? puToken : dinsosToken });
    const citizen = await join(s.url, { name });
    await waitFor('counter live', () => citizen.room.state.counters.get(counter)?.officerSessionId === officer.room.sessionId);
    citizen.room.send('queueTake', { counter });
    await waitFor('queued', () => officer.room.state.counters.get(counter).queue.length === 1);
    officer.room.send('callNext', {});
    await citizen.next('called');
    await officer.next('called');
    return { officer, citizen };
  }

  /** The citizen rings, the officer answers; returns the call id. */
  async function answeredCall(officer: JoinedHall, citizen: JoinedHall): Promise<string> {
    citizen.room.send('callStart', { to: officer.room.sessionId });
    const ringing = await officer.next('callRinging');
    expect(ringing.caller).toBe('citizen');
    expect((await citizen.next('callRinging')).callId).toBe(ringing.callId);
    officer.room.send('callAccept', { callId: ringing.callId });
    expect(await citizen.next('callAccepted')).toEqual({ callId: ringing.callId, caller: 'citizen' });
    await officer.next('callAccepted');
    return ringing.callId as string;
  }

  /** What refusals a connection got for one message type. */
  const refusals = (who: JoinedHall, type: string) => who.inbox.filter((m) => m.type === 'refused' && m.message.type === type).map((m) => m.message.reason);

  it('relays offer, answer and candidates between the pair only; a third visitor is refused and the call goes on', async () => {
    const { officer, citizen } = await servedPair();
    const stranger = await join(s.url, { name: 'Orang Lain' });
    const callId = await answeredCall(officer, citizen);

    citizen.room.send('callSignal', { callId, ...OFFER });
    expect(await officer.next('callSignal')).toEqual({ callId, ...OFFER });
    officer.room.send('callSignal', { callId, kind: 'answer', sdp: OFFER.sdp });
    expect((await citizen.next('callSignal')).kind).toBe('answer');
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 192.168.1.10 54321 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    officer.room.send('callSignal', { callId, kind: 'ice', candidate });
    expect((await citizen.next('callSignal')).candidate).toEqual(candidate);

    // A third visitor rings either side, or sends signalling with the running call's id: refused.
    stranger.room.send('callStart', { to: officer.room.sessionId });
    stranger.room.send('callStart', { to: citizen.room.sessionId });
    stranger.room.send('callSignal', { callId, ...OFFER });
    stranger.room.send('callHangup', { callId });
    await waitFor('the stranger refused four times', () => stranger.inbox.filter((m) => m.type === 'refused').length >= 4);
    expect(refusals(stranger, 'callStart')).toEqual(['not_in_conversation', 'not_in_conversation']);
    expect(refusals(stranger, 'callSignal')).toEqual(['no_call']);
    expect(refusals(stranger, 'callHangup')).toEqual(['no_call']);

    // The call goes on: signalling still flows and nobody was told it ended.
    citizen.room.send('callSignal', { callId, kind: 'ice', candidate });
    expect((await officer.next('callSignal')).candidate).toEqual(candidate);
    expect([...officer.inbox, ...citizen.inbox, ...stranger.inbox].some((m) => m.type === 'callEnded')).toBe(false);
    expect(stranger.inbox.some((m) => m.type.startsWith('call'))).toBe(false);
  });

  it('refuses an officer of another counter, ringing someone not in the conversation, and a second call', async () => {
    const { officer, citizen } = await servedPair();
    const dinsos = await join(s.url, { staffToken: dinsosToken });
    await waitFor('Dinsos live', () => citizen.room.state.counters.get('dinsos')?.officerSessionId === dinsos.room.sessionId);
    dinsos.room.send('callStart', { to: citizen.room.sessionId });
    expect(await dinsos.next('refused')).toEqual({ type: 'callStart', reason: 'not_in_conversation' });

    // The PU officer may ring only the citizen being served.
    officer.room.send('callStart', { to: dinsos.room.sessionId });
    expect(await officer.next('refused')).toEqual({ type: 'callStart', reason: 'not_your_conversation' });

    officer.room.send('callStart', { to: citizen.room.sessionId });
    const ringing = await citizen.next('callRinging');
    expect(ringing.caller).toBe('officer');
    citizen.room.send('callStart', { to: officer.room.sessionId });
    expect(await citizen.next('refused')).toEqual({ type: 'callStart', reason: 'call_running' });
    officer.room.send('callStart', { to: citizen.room.sessionId });
    expect(await officer.next('refused')).toEqual({ type: 'callStart', reason: 'call_running' });
    // The caller cannot answer their own call, and signalling before the answer is refused.
    officer.room.send('callAccept', { callId: ringing.callId });
    expect(await officer.next('refused')).toEqual({ type: 'callAccept', reason: 'no_call' });
    officer.room.send('callSignal', { callId: ringing.callId, ...OFFER });
    expect(await officer.next('refused')).toEqual({ type: 'callSignal', reason: 'no_call' });
    expect(dinsos.inbox.some((m) => m.type.startsWith('call'))).toBe(false);
  });

  it('refuses oversized, garbage and too-fast signalling; the call survives it', async () => {
    const { officer, citizen } = await servedPair();
    const callId = await answeredCall(officer, citizen);
    const hostile: unknown[] = [
      { callId, kind: 'offer', sdp: 'x'.repeat(MAX_SDP + 1) },
      { callId, kind: 'offer', sdp: 'v=0', extra: 'field' },
      { callId, kind: 'renegotiate', sdp: 'v=0' },
      { callId, kind: 'ice', candidate: { candidate: 'c'.repeat(5000) } },
      { callId: '../../etc/passwd', kind: 'offer', sdp: 'v=0' },
      { callId, kind: 'ice', candidate: 'candidate:1' },
      'garbage',
      42,
      null,
    ];
    for (const message of hostile) citizen.room.send('callSignal', message);
    await waitFor('every hostile message refused', () => refusals(citizen, 'callSignal').length >= hostile.length);
    expect(new Set(refusals(citizen, 'callSignal'))).toEqual(new Set(['invalid']));
    citizen.room.send('callHangup', { callId, reason: 'because' });
    expect(await waitFor('the hang-up refused', () => refusals(citizen, 'callHangup')[0])).toBe('invalid');
    expect(officer.inbox.some((m) => m.type === 'callSignal')).toBe(false);

    // A flood is cut at the limit: the rest is refused as too fast, not relayed.
    for (let i = 0; i < CALL_SIGNALS_PER_10S + 10; i += 1) citizen.room.send('callSignal', { callId, kind: 'ice', candidate: { candidate: `candidate:${i} 1 udp 1 10.0.0.1 9 typ host` } });
    await waitFor('the flood refused', () => refusals(citizen, 'callSignal').filter((r) => r === 'too_fast').length >= 10);
    await waitFor('the allowed part relayed', () => officer.inbox.filter((m) => m.type === 'callSignal').length >= CALL_SIGNALS_PER_10S);
    expect(officer.inbox.filter((m) => m.type === 'callSignal')).toHaveLength(CALL_SIGNALS_PER_10S);
    expect([...officer.inbox, ...citizen.inbox].some((m) => m.type === 'callEnded')).toBe(false);
  });

  it('ends the call when the officer calls the next citizen, and when the citizen leaves', async () => {
    const { officer, citizen } = await servedPair('Citra');
    const next = await join(s.url, { name: 'Dedi' });
    next.room.send('queueTake', { counter: 'pu' });
    await waitFor('Dedi queued', () => officer.room.state.counters.get('pu').queue.length === 1);
    const first = await answeredCall(officer, citizen);
    officer.room.send('callNext', {});
    expect(await citizen.next('callEnded')).toEqual({ callId: first, reason: 'next_called', by: 'system', seconds: 0 });
    expect((await officer.next('callEnded')).callId).toBe(first);
    await next.next('called');

    const second = await answeredCall(officer, next);
    await next.room.leave(true);
    expect(await officer.next('callEnded')).toMatchObject({ callId: second, reason: 'citizen_left', by: 'system' });
    const rows = await poll('both calls kept for the figures', async () => {
      const found = await s.server.ctx.db.selectFrom('calls').selectAll().where('id', 'in', [first, second]).execute();
      return found.length === 2 ? found : undefined;
    });
    expect(rows.map((r) => r.end_reason).sort()).toEqual(['citizen_left', 'next_called']);
    expect(rows.every((r) => r.counter === 'pu' && r.caller === 'citizen' && r.connected_at === null)).toBe(true);
  });

  it('ends on hang-up by either side and puts "Panggilan suara …" on the case filed during the conversation', async () => {
    const { officer, citizen } = await servedPair('Eka');
    const callId = await answeredCall(officer, citizen);
    citizen.room.send('callConnected', { callId });
    officer.room.send('callConnected', { callId });
    const posted = await postForm(s.url, drainageComplaint(s.apiKey));
    const id = postResultSchema.parse(await posted.json())[0].service_request_id!;
    await new Promise((r) => setTimeout(r, 1100));
    officer.room.send('callHangup', { callId });
    const ended = await citizen.next('callEnded');
    expect(ended).toMatchObject({ callId, reason: 'hangup', by: 'officer' });
    expect(ended.seconds).toBeGreaterThanOrEqual(1);
    // Hanging up twice is refused (the call is over).
    officer.room.send('callHangup', { callId });
    expect(await officer.next('refused')).toEqual({ type: 'callHangup', reason: 'no_call' });

    const found = await poll('the call note on the case', async () => (await caseNotes(id)).find((n) => n.description?.startsWith('Panggilan suara')));
    expect(found.description).toMatch(/^Panggilan suara \d+ detik \(mulai \d\d:\d\d:\d\d WITA, selesai \d\d:\d\d:\d\d WITA, diakhiri oleh petugas\)\. Tidak direkam\.$/);
    expect(found.visibility).toBe('internal');
    expect(found.author).toBe('system');
    // Staff only: the public tracking view does not show it.
    const publicView = await (await fetch(`${s.url}/open311/v2/requests/${id}.json?extensions=true`)).text();
    expect(publicView).not.toContain('Panggilan suara');
  });

  it('counts calls per counter, the median talk time and the share that failed to connect in /api/figures', async () => {
    // At Dinsos only (the other tests call at PU): one call talks ~1 s, one is answered but never connects, one is never answered.
    const { officer, citizen } = await servedPair('Fajar', 'dinsos');
    const talked = await answeredCall(officer, citizen);
    citizen.room.send('callConnected', { callId: talked });
    await new Promise((r) => setTimeout(r, 1100));
    citizen.room.send('callHangup', { callId: talked });
    await officer.next('callEnded');
    const failed = await answeredCall(officer, citizen);
    citizen.room.send('callHangup', { callId: failed, reason: 'failed' });
    await officer.next('callEnded');
    officer.room.send('callStart', { to: citizen.room.sessionId });
    const unanswered = (await citizen.next('callRinging')).callId;
    officer.room.send('callHangup', { callId: unanswered });
    await citizen.next('callEnded');
    await poll('three Dinsos calls kept', async () => ((await s.server.ctx.db.selectFrom('calls').select('id').where('counter', '=', 'dinsos').execute()).length === 3 ? true : undefined));

    const response = await fetch(`${s.url}/api/figures?counter=dinsos`, { headers: { authorization: `Bearer ${supervisorToken}` } });
    expect(response.status).toBe(200);
    const figures = await response.json();
    const dinsos = figures.totals.find((t: { counter: string }) => t.counter === 'dinsos');
    expect(dinsos).toMatchObject({ calls: 3, call_failed_pct: 50 });
    expect(dinsos.call_median_seconds).toBeGreaterThanOrEqual(1);
    expect(figures.overall.calls).toBe(3);
    const csv = await (await fetch(`${s.url}/api/figures.csv?counter=dinsos`, { headers: { authorization: `Bearer ${supervisorToken}` } })).text();
    expect(csv.split('\r\n')[0]).toMatch(/,calls,call_median_seconds,call_failed_pct$/);
  });

  async function caseNotes(id: string): Promise<{ description: string | null; visibility: string; author: string }[]> {
    return s.server.ctx.db.selectFrom('request_notes').select(['description', 'visibility', 'author']).where('service_request_id', '=', id).execute();
  }

  /** Polls an async check until it gives a value, or fails naming what it waited for. */
  async function poll<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
    const until = Date.now() + 10_000;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});
