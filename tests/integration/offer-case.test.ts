import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { startServer, type TestServer } from '../helpers/server';
import { hallConnections, login, waitFor, type JoinedHall } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-1';
const BODY = { service_code: 'pu-drainase', address_string: 'Jl. Urip Sumoharjo', attributes: { severity: 'sedang', problem: ['bau'] }, description: 'Got bau di depan rumah, dilaporkan di loket.' };

/**
 * Issue 12, point 7: a case the officer files on the citizen's behalf during a conversation is
 * handed to that citizen in the chat (number and private link, to them only), and the citizen
 * attaches the transcript to it with one tap of consent.
 */
describe('a case filed on the citizen\'s behalf during a conversation', () => {
  let s: TestServer;
  let pu: string;
  let pu2: string;
  let dlh: string;
  const { join, leaveAll } = hallConnections();

  const file = async (token: string, body: object = BODY) => {
    const r = await fetch(`${s.url}/api/staff/requests`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status).toBe(201);
    return (await r.json()) as { service_request_id: string; private_link: string };
  };
  const serve = async (officerToken: string, name: string): Promise<{ officer: JoinedHall; citizen: JoinedHall; other: JoinedHall }> => {
    const officer = await join(s.url, { staffToken: officerToken });
    const citizen = await join(s.url, { name });
    const other = await join(s.url, { name: 'Penonton' });
    await waitFor('counter live', () => citizen.room.state.counters.get('pu')?.officerSessionId === officer.room.sessionId);
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => officer.room.state.counters.get('pu').queue.length === 1);
    officer.room.send('callNext', {});
    await citizen.next('called');
    citizen.room.send('chat', { text: 'Got depan rumah saya bau sekali.' });
    await officer.next('chat');
    return { officer, citizen, other };
  };

  beforeAll(async () => {
    s = await startServer({ env: { PUBLIC_URL: 'https://balaikota.example.id' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'rudi.pu', display_name: 'Rudi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'wawan.dlh', display_name: 'Wawan (DLH)', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    pu = await login(s.url, 'andi.pu', PASSWORD);
    pu2 = await login(s.url, 'rudi.pu', PASSWORD);
    dlh = await login(s.url, 'wawan.dlh', PASSWORD);
  });
  afterEach(leaveAll);
  afterAll(() => s.cleanup());

  it('the served citizen (only) gets the number and private link; one tap attaches the transcript', async () => {
    const { officer, citizen, other } = await serve(pu, 'Budi Santoso');
    const filed = await file(pu);
    officer.room.send('offerCase', { service_request_id: filed.service_request_id });

    const offered = await citizen.next('caseOffered');
    expect(offered).toEqual({ counter: 'pu', service_request_id: filed.service_request_id, private_link: filed.private_link });
    expect(filed.private_link).toMatch(/^https:\/\/balaikota\.example\.id\/ikuti#[A-Za-z0-9_-]{43}$/);
    // The officer is told it went, without the link; nobody else hears of it.
    expect(await officer.next('caseOffered')).toEqual({ counter: 'pu', service_request_id: filed.service_request_id });
    const secret = filed.private_link.split('#')[1];
    await new Promise((r) => setTimeout(r, 200));
    for (const joined of [officer, other]) expect(JSON.stringify(joined.inbox)).not.toContain(secret);
    expect(JSON.stringify(other.room.state.toJSON())).not.toContain(secret);

    // The private link works.
    const followup = await fetch(`${s.url}/api/followup`, { headers: { 'x-followup-key': secret } });
    expect(followup.status).toBe(200);

    // One tap of consent: the transcript goes to that case (no secret, no typed number needed).
    citizen.room.send('attachTranscript', { service_request_id: filed.service_request_id });
    expect(await citizen.next('attached')).toEqual({ service_request_id: filed.service_request_id });
    const view = await (await fetch(`${s.url}/api/staff/cases/${filed.service_request_id}`, { headers: { authorization: `Bearer ${pu}` } })).json();
    const note = view.case.notes.find((n: { type: string }) => n.type === 'transcript');
    expect(note.description).toContain('Got depan rumah saya bau sekali.');
  });

  it('refuses cases not filed by this officer in this conversation, and officers not serving anyone', async () => {
    const earlier = await file(pu); // filed before the conversation began
    const byColleague = await file(pu2);
    const { officer, citizen } = await serve(pu, 'Citra');
    const colleagueCase = byColleague.service_request_id;
    const afterColleague = await file(pu2); // same agency, another officer, during the conversation
    for (const id of [earlier.service_request_id, colleagueCase, afterColleague.service_request_id, 'PU-0000-0000', '../../etc/passwd', '<script>', 'x'.repeat(40)]) {
      officer.room.send('offerCase', { service_request_id: id });
      expect(await officer.next('refused')).toMatchObject({ type: 'offerCase', reason: 'not_your_case' });
    }
    // Hostile shapes are dropped by the schema (no answer, room unharmed).
    for (const bad of [{}, { service_request_id: 5 }, { service_request_id: 'x'.repeat(41) }, null, 'text']) officer.room.send('offerCase', bad as never);
    // A citizen cannot offer; nor can another agency's officer who serves nobody.
    citizen.room.send('offerCase', { service_request_id: earlier.service_request_id });
    expect(await citizen.next('refused')).toMatchObject({ type: 'offerCase', reason: 'not_on_duty' });
    const dlhOfficer = await join(s.url, { staffToken: dlh });
    await waitFor('dlh live', () => dlhOfficer.room.state.counters.get('dlh')?.officerSessionId === dlhOfficer.room.sessionId);
    dlhOfficer.room.send('offerCase', { service_request_id: earlier.service_request_id });
    expect(await dlhOfficer.next('refused')).toMatchObject({ type: 'offerCase', reason: 'not_in_conversation' });
    expect(citizen.inbox.some((m) => m.type === 'caseOffered')).toBe(false);
    // Without an offer, the citizen cannot attach to a case they did not file.
    citizen.room.send('attachTranscript', { service_request_id: afterColleague.service_request_id });
    expect(await citizen.next('refused')).toMatchObject({ type: 'attachTranscript', reason: 'not_your_case' });
  });
});
