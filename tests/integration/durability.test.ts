import { afterAll, describe, expect, it } from 'vitest';
import { postResultSchema, serviceRequestSchema } from '../../src/shared/open311';
import { drainageComplaint, newSchema, postForm, spawnServer, removeDir, tempDir } from '../helpers/server';

const targets = [{ database: 'pglite' as const }, ...(process.env.TEST_DATABASE_URL ? [{ database: 'postgres' as const }] : [])];

describe.each(targets)('a request that got its id survives kill -9 ($database)', ({ database }) => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await removeDir(dir);
  });

  it('is still there after SIGKILL and a restart', { timeout: 240_000 }, async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      ...(database === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_SCHEMA: newSchema() } : {}),
    };
    const first = await spawnServer(env);
    const key = (await (await fetch(`${first.url}/api/client-config`)).json()).api_key as string;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await postForm(first.url, drainageComplaint(key, { description: `laporan ${i} sebelum kill -9` }));
      expect(response.status).toBe(201);
      ids.push(postResultSchema.parse(await response.json())[0].service_request_id!);
    }
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;

    const second = await spawnServer(env);
    try {
      const list = serviceRequestSchema.array().parse(await (await fetch(`${second.url}/open311/v2/requests.json?service_request_id=${ids.join(',')}`)).json());
      expect(list.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
      expect(list.map((r) => r.description).sort()).toEqual(ids.map((_, i) => `laporan ${i} sebelum kill -9`).sort());
      // The restarted server keeps its client key: the secrets file survived too.
      expect((await (await fetch(`${second.url}/api/client-config`)).json()).api_key).toBe(key);
    } finally {
      // Wait for it to close its database, or the folder is removed under its last writes.
      const closed = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await closed;
    }
  });
});
