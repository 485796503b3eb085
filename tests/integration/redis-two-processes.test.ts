import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { openDatabase } from '../../src/server/db/database';
import { freePort, newSchema, spawnServer, tempDir } from '../helpers/server';
import { joinHall, login, waitFor, type JoinedHall } from '../helpers/rooms';
import { Client } from 'colyseus.js';
import { HALL_ROOM } from '../../src/shared/messages';

const redisUrl = process.env.TEST_REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!redisUrl || !databaseUrl)('two server processes sharing Redis and PostgreSQL', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('a citizen on one process and an officer on the other meet at the same counter', { timeout: 240_000 }, async () => {
    const schema = newSchema();
    const dirA = await tempDir();
    const dirB = await tempDir();
    cleanup.push(() => rm(dirA, { recursive: true, force: true }), () => rm(dirB, { recursive: true, force: true }));
    // The account lives in the shared PostgreSQL; both processes see it.
    const db = await openDatabase({ dataDir: dirA, databaseUrl, schema });
    await addStaff(db.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: 'kata-sandi-rahasia-3' });
    await db.close();

    const [portA, portB] = [await freePort(), await freePort()];
    const shared = { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl!, PII_KEY: Buffer.alloc(32, 7).toString('base64'), CLIENT_API_KEY: 'shared-client-key-123456' };
    const a = await spawnServer({ ...shared, DATA_DIR: dirA, PORT: String(portA), PUBLIC_ADDRESS: `127.0.0.1:${portA}` });
    cleanup.push(() => void a.child.kill('SIGTERM'));
    const b = await spawnServer({ ...shared, DATA_DIR: dirB, PORT: String(portB), PUBLIC_ADDRESS: `127.0.0.1:${portB}` });
    cleanup.push(() => void b.child.kill('SIGTERM'));

    const joined: JoinedHall[] = [];
    cleanup.push(async () => {
      for (const j of joined) if (j.room.connection.isOpen) await j.room.leave();
    });
    const citizen = await joinHall(a.url, { name: 'Budi' });
    joined.push(citizen);
    const token = await login(b.url, 'andi.pu', 'kata-sandi-rahasia-3');
    const officer = await joinHall(b.url, { staffToken: token });
    joined.push(officer);

    expect(officer.room.roomId).toBe(citizen.room.roomId);
    await waitFor('the counter live on the citizen side', () => citizen.room.state.counters.get('pu').officer === 'Andi (PU)');
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('the officer sees the queue', () => officer.room.state.counters.get('pu').queue.length === 1);
    officer.room.send('callNext', {});
    await citizen.next('called');
    officer.room.send('chat', { text: 'Selamat siang, ada yang bisa dibantu?' });
    const line = await citizen.next('chat');
    expect(line).toMatchObject({ from: 'officer', text: 'Selamat siang, ada yang bisa dibantu?' });
  });

  it('a visitor removed on one process stays out when they come back through the other (moderation kept in Redis)', { timeout: 240_000 }, async () => {
    const schema = newSchema();
    const dirA = await tempDir();
    const dirB = await tempDir();
    cleanup.push(() => rm(dirA, { recursive: true, force: true }), () => rm(dirB, { recursive: true, force: true }));
    const db = await openDatabase({ dataDir: dirA, databaseUrl, schema });
    await addStaff(db.db, { username: 'sri.spv', display_name: 'Sri', role: 'supervisor', agency_code: null, password: 'kata-sandi-rahasia-14' });
    await db.close();

    const [portA, portB] = [await freePort(), await freePort()];
    const shared = { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl!, PII_KEY: Buffer.alloc(32, 7).toString('base64'), CLIENT_API_KEY: 'shared-client-key-123456', HALL_JOINS_PER_MINUTE: '100' };
    const a = await spawnServer({ ...shared, DATA_DIR: dirA, PORT: String(portA), PUBLIC_ADDRESS: `127.0.0.1:${portA}` });
    cleanup.push(() => void a.child.kill('SIGTERM'));
    const b = await spawnServer({ ...shared, DATA_DIR: dirB, PORT: String(portB), PUBLIC_ADDRESS: `127.0.0.1:${portB}` });
    cleanup.push(() => void b.child.kill('SIGTERM'));

    const device = `removed-${Date.now().toString(36)}`;
    const supervisor = await joinHall(a.url, { staffToken: await login(a.url, 'sri.spv', 'kata-sandi-rahasia-14') });
    const noisy = await joinHall(a.url, { name: 'Noisy', device });
    await waitFor('visible', () => supervisor.room.state.visitors.has(noisy.room.sessionId));
    const gone = new Promise<number>((resolve) => noisy.room.onLeave((code) => resolve(code)));
    supervisor.room.send('moderate', { sessionId: noisy.room.sessionId, action: 'remove', minutes: 10 });
    expect(await gone).toBe(4001);
    await supervisor.room.leave();

    // The process that removed them (and hosted the hall) stops; the hall is now on the other one,
    // which never saw the removal: only Redis can tell it.
    const exited = new Promise((resolve) => a.child.once('exit', resolve));
    a.child.kill('SIGTERM');
    await exited;
    await expect(new Client(b.url).joinOrCreate(HALL_ROOM, { name: 'Noisy again', device })).rejects.toThrow(/removed by a supervisor/);
    // Someone else comes in through it.
    const other = await joinHall(b.url, { name: 'Tamu', device: `other-${Date.now().toString(36)}` });
    expect(other.room.state.visitors.size).toBeGreaterThan(0);
    await other.room.leave();
  });
});
