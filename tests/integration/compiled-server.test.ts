import { afterAll, describe, expect, it } from 'vitest';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, removeDir, spawnServer, tempDir } from '../helpers/server';
import { joinHall } from '../helpers/rooms';

/**
 * `npm start` runs the server compiled into one file (dist/server/main.js, packages bundled):
 * the compiled server files and reads a request, seats a visitor in the hall, and starts again
 * on its own data (the quick migration check) with the same keys.
 */
describe('the compiled server (npm start)', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('serves Open311 and the hall, and restarts on the same data', { timeout: 240_000 }, async () => {
    const dataDir = await tempDir();
    cleanup.push(() => removeDir(dataDir));
    const env = { DATA_DIR: dataDir };
    const first = await spawnServer(env, { compiled: true });
    cleanup.push(() => void first.child.kill('SIGKILL'));
    const key = (await (await fetch(`${first.url}/api/client-config`)).json()).api_key as string;
    const posted = await postForm(first.url, drainageComplaint(key, { description: 'laporan dari server yang dikompilasi' }));
    expect(posted.status).toBe(201);
    const id = postResultSchema.parse(await posted.json())[0].service_request_id!;
    const visitor = await joinHall(first.url, { name: 'Budi' });
    expect(visitor.room.state.counters.size).toBeGreaterThan(0);
    await visitor.room.leave();
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    await exited;

    const second = await spawnServer(env, { compiled: true });
    cleanup.push(() => void second.child.kill('SIGKILL'));
    const [request] = serviceRequestSchema.array().parse(await (await fetch(`${second.url}/open311/v2/requests/${id}.json`)).json());
    expect(request.description).toBe('laporan dari server yang dikompilasi');
    expect((await (await fetch(`${second.url}/api/client-config`)).json()).api_key).toBe(key);
  });
});
