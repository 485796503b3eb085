import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { MAX_BODY_BYTES } from '../../src/shared/constants';
import { drainageComplaint, postForm, startServer, type TestServer } from '../helpers/server';
import { joinHall, login, waitFor, type JoinedHall } from '../helpers/rooms';

/**
 * Issue 11 acceptance: hostile input against every HTTP route (oversized, wrong type, injection
 * strings, missing auth) and against the hall room (names, chat, positions, moderation, floods).
 * Nothing may answer 5xx, leak a stack or a database error, or change what it must not.
 */
const PASSWORD = 'kata-sandi-hostile-1';
const INJECTIONS = [
  "' OR 1=1 --",
  "1; DROP TABLE staff; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie:x=1',
  '\u202Etxt.exe',
  '__proto__',
  '{"$gt":""}',
  'x'.repeat(3000),
];

function leaks(text: string): string | null {
  if (/\n\s+at\s/.test(text)) return 'a stack trace';
  if (/syntax error at or near|relation "[^"]*" does not exist|invalid input syntax for|violates .* constraint/i.test(text)) return 'a database error';
  if (/root:x:0:0/.test(text)) return 'a file';
  return null;
}

describe('hostile input on every HTTP route (issue 11)', () => {
  let s: TestServer;
  let officer: string;
  let caseId: string;
  beforeAll(async () => {
    s = await startServer({ env: { RATE_LIMIT_LOGIN: '100000' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    officer = await login(s.url, 'andi.pu', PASSWORD);
    caseId = (await (await postForm(s.url, drainageComplaint(s.apiKey))).json())[0].service_request_id;
  });
  afterAll(() => s.cleanup());

  it('answers every API route without 5xx or leaks, asks for a login where it must, and refuses oversized and mistyped bodies', { timeout: 180_000 }, async () => {
    const api = s.server.routes.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/open311/'));
    const covered = new Set<string>();
    const problems: string[] = [];
    const call = async (route: { method: string; url: string }, path: string, init: RequestInit = {}) => {
      const response = await fetch(`${s.url}${path}`, { method: route.method, ...init });
      const text = await response.text();
      covered.add(`${route.method} ${route.url}`);
      if (response.status >= 500) problems.push(`${route.method} ${path.slice(0, 80)} → ${response.status}`);
      const leak = leaks(text);
      if (leak) problems.push(`${route.method} ${path.slice(0, 80)} leaks ${leak}`);
      return response;
    };
    const fill = (url: string, value: string) => url.replace(':file', value).replace(':id', value);
    const sessionAuth = { authorization: `Bearer ${officer}` };

    for (const route of api) {
      // Logout takes no body and would end the session the other routes are tried with: tried without one.
      const isLogout = route.url.endsWith('/logout');
      const auth = isLogout ? {} : sessionAuth;
      const staffOnly = route.url.startsWith('/api/staff') || route.url.startsWith('/api/figures');
      const post = route.method === 'POST';
      const base = fill(route.url, route.url.includes(':file') ? 'requests.json' : caseId);
      // Missing auth.
      const anonymous = await call(route, base, post ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {});
      if (staffOnly && !route.url.endsWith('/login') && !route.url.endsWith('/logout')) expect(anonymous.status, `${route.method} ${route.url} without a session`).toBe(401);
      // Injection strings in the path and the query.
      for (const bad of INJECTIONS) {
        const enc = encodeURIComponent(bad);
        await call(route, `${fill(route.url, enc)}?service_code=${enc}&stage=${enc}&limit=${enc}&from=${enc}&counter=${enc}&api_key=${enc}&jurisdiction_id=${enc}`, {
          headers: { ...auth, ...(post ? { 'content-type': 'application/json' } : {}) },
          body: post ? JSON.stringify({ username: bad, password: bad, stage: bad, note: bad, service_code: bad, description: bad, api_key: s.apiKey }) : undefined,
        });
      }
      if (!post || isLogout) continue;
      // Oversized, mistyped and malformed bodies.
      const big = await call(route, base, { headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ note: 'x'.repeat(MAX_BODY_BYTES + 10) }) });
      expect(big.status, `${route.url} oversized`).toBeGreaterThanOrEqual(400);
      for (const [type, body] of [
        ['application/json', '{"stage":'],
        ['application/json', '[]'],
        ['application/json', '"x"'],
        ['application/json', '{"stage":5,"note":{"a":1},"username":[],"password":null}'],
        ['application/json', '{"__proto__":{"role":"supervisor"},"constructor":{"prototype":{"x":1}}}'],
        ['text/xml', '<a>1</a>'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
      ]) {
        const response = await call(route, base, { headers: { ...auth, 'content-type': type }, body });
        expect(response.status, `${route.url} ${type} ${body.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(problems).toEqual([]);
    // Every API route was reached: a new route without hostile input fails here.
    expect([...covered].sort()).toEqual(api.map((r) => `${r.method} ${r.url}`).sort());
    // Nothing hostile changed the case or made an account.
    const row = await s.server.ctx.db.selectFrom('service_requests').select('stage').where('service_request_id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.stage).toBe('received');
    expect((await s.server.ctx.db.selectFrom('staff').select('username').execute()).map((r) => r.username)).toEqual(['andi.pu']);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});

describe('hostile input in the hall room (issue 11)', () => {
  let s: TestServer;
  const open: JoinedHall[] = [];
  beforeAll(async () => {
    s = await startServer({ env: { HALL_JOINS_PER_MINUTE: '1000', RATE_LIMIT_LOGIN: '1000' } });
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
  });
  afterAll(async () => {
    for (const j of open) if (j.room.connection.isOpen) await j.room.leave().catch(() => undefined);
    await s.cleanup();
  });

  it('refuses hostile join options with a clear error and cleans hostile names', async () => {
    for (const options of [{ name: 'x'.repeat(500) }, { color: 'red; background:url(x)' }, { device: '../../x' }, { spectator: 'yes' }, { staffToken: 'x'.repeat(500) }]) {
      await expect(joinHall(s.url, options as never)).rejects.toThrow(/join options: \w+/);
    }
    const names = ['<img src=x onerror=alert(1)>', '\u0000\u0007\u001b[31mred', '\u200B\u200C\u200D\uFEFF', 'A\u0301\u0301\u0301\u0301\u0301', '😀'.repeat(40), 'Ｐｅｔｕｇａｓ', 'pe7ugas loket 3'];
    const joined = [];
    for (const name of names) joined.push(await joinHall(s.url, { name }));
    open.push(...joined);
    const shown = joined.map((j) => j.room.state.visitors.get(j.room.sessionId).name as string);
    expect(shown[0]).toBe('<img src=x onerror=alert(1)>'.slice(0, 24));
    expect(shown[1]).toBe('[31mred');
    expect(shown[2]).toMatch(/^Warga \d+$/);
    expect([...shown[4]].length).toBeLessThanOrEqual(24);
    expect(shown[5]).toMatch(/^Warga \d+$/);
    expect(shown[6]).toMatch(/^Warga \d+$/);
    for (const n of shown) expect(n).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  });

  it('survives hostile moves, chat and moderation without harm to others', async () => {
    const officer = await joinHall(s.url, { staffToken: await login(s.url, 'andi.pu', PASSWORD) });
    const victim = await joinHall(s.url, { name: 'Korban' });
    const attacker = await joinHall(s.url, { name: 'Penyerang' });
    open.push(officer, victim, attacker);
    const moves = [{ x: 1e308, z: 0, h: 0, a: 'walk' }, { x: Number.NaN, z: 0, h: 0, a: 'walk' }, { x: -0, z: -32768, h: 315, a: 'idle' }, { x: 32767, z: 32767, h: -315, a: 'walk' }, { x: 1.5, z: 2, h: 0, a: 'walk' }, { x: 0, z: 0, h: 0, a: 'fly' }];
    for (const m of moves) {
      attacker.room.send('move', m);
      await new Promise((r) => setTimeout(r, 120));
    }
    const me = attacker.room.state.visitors.get(attacker.room.sessionId);
    const half = s.server.ctx.hall.size;
    expect(Math.abs(me.x / 100)).toBeLessThanOrEqual(half.width / 2);
    expect(Math.abs(me.z / 100)).toBeLessThanOrEqual(half.depth / 2);
    expect(['idle', 'walk']).toContain(me.a);

    // Chat outside a conversation, and a citizen trying staff powers.
    attacker.room.send('chat', { text: '<script>alert(1)</script>' });
    expect((await attacker.next('refused')).reason).toBe('not_in_conversation');
    attacker.room.send('callNext', {});
    expect((await attacker.next('refused')).reason).toBe('not_on_duty');
    attacker.room.send('moderate', { sessionId: victim.room.sessionId, action: 'remove', minutes: 99999999 });
    attacker.room.send('moderate', { sessionId: victim.room.sessionId, action: 'remove' });
    expect((await attacker.next('refused')).reason).toBe('not_supervisor');
    attacker.room.send('clearQueue', { counter: 'pu', scope: 'all' });
    expect((await attacker.next('refused')).reason).toBe('not_supervisor');
    attacker.room.send('attachTranscript', { service_request_id: "' OR 1=1 --" });
    expect((await attacker.next('refused')).reason).toBe('no_conversation');

    // In a conversation: a long, multi-line, HTML chat line arrives as text, and a flood is cut.
    attacker.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => officer.room.state.counters.get('pu').queue.length === 1);
    officer.room.send('callNext', {});
    await attacker.next('called');
    attacker.room.send('chat', { text: 'baris 1\n[09:00 WITA] Petugas Andi: DITOLAK\n<b>x</b>' });
    expect((await officer.next('chat')).text).toBe('baris 1\n[09:00 WITA] Petugas Andi: DITOLAK\n<b>x</b>');
    for (let i = 0; i < 30; i += 1) attacker.room.send('chat', { text: `spam ${i}` });
    await waitFor('flood refused', () => attacker.inbox.some((m) => m.type === 'refused' && m.message.reason === 'too_fast'));
    expect(officer.inbox.filter((m) => m.type === 'chat').length).toBeLessThanOrEqual(8);
    expect(victim.room.state.visitors.has(victim.room.sessionId)).toBe(true);
  });
});
