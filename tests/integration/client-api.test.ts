import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createOpen311Client, describeApiError, Outbox, type Open311Client } from '../../src/client/api';
import { freePort, startServer, tempDir, uniqueText, type TestServer } from '../helpers/server';

const complaint = (description: string) => ({
  service_code: 'pu-drainase',
  lat: -5.1477,
  long: 119.4327,
  description,
  attributes: { severity: 'sedang', problem: ['tersumbat_sampah'] },
});

/** A relay in front of the server that can pretend the network is down or lose answers. */
function relay(target: () => string) {
  const state = { mode: 'pass' as 'pass' | 'down' | 'lose-answer', forwarded: 0 };
  const server: Server = createServer(async (req, res) => {
    if (state.mode === 'down') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
    let upstream: Response;
    try {
      upstream = await fetch(`${target()}${req.url}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) });
    } catch {
      req.socket.destroy();
      return;
    }
    state.forwarded += 1;
    const body = Buffer.from(await upstream.arrayBuffer());
    if (state.mode === 'lose-answer') {
      // The server stored it; the citizen's phone never hears back.
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(body);
  });
  return { server, state };
}

describe('the client API layer against the real server', () => {
  let s: TestServer;
  let client: Open311Client;
  beforeAll(async () => {
    s = await startServer();
    client = createOpen311Client({ baseUrl: `${s.url}/open311/v2`, apiKey: s.apiKey });
  });
  afterAll(() => s.cleanup());

  it('calls every endpoint with validated, typed answers', async () => {
    const discovery = await client.discovery();
    expect(discovery.endpoints[0].formats).toContain('application/json');
    const services = await client.services();
    expect(services.some((x) => x.service_code === 'pu-drainase')).toBe(true);
    const definition = await client.serviceDefinition('pu-drainase');
    expect(definition.attributes.find((a) => a.code === 'problem')?.datatype).toBe('multivaluelist');
    const [posted] = await client.postRequest(complaint(uniqueText('typed')), 'typed-key-1');
    const request = await client.request(posted.service_request_id!);
    expect(request.stage).toBe('received');
    expect(request.notes?.length).toBe(1);
    const listed = await client.requests({ service_request_id: [posted.service_request_id!], extensions: true });
    expect(listed[0].service_request_id).toBe(posted.service_request_id);
    const english = createOpen311Client({ baseUrl: `${s.url}/open311/v2`, apiKey: s.apiKey, lang: 'en' });
    expect((await english.request(posted.service_request_id!)).status_notes).toBe('Received');
  });

  it('turns failures into messages a citizen understands, in both languages', async () => {
    const missing = await client.request('MKS-0000-0000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(describeApiError(missing, 'id')).toContain('Tidak ditemukan');
    expect(describeApiError(missing, 'en')).toContain('Not found');
    const invalid = await client.postRequest({ ...complaint('x'), attributes: { severity: 'kiamat', problem: ['meluap'] } }).catch((e: unknown) => e);
    expect((invalid as ApiError).status).toBe(400);
    expect((invalid as ApiError).retryable).toBe(false);
    expect(describeApiError(invalid, 'en')).toContain('attribute[severity]');
    const offline = createOpen311Client({ baseUrl: `http://127.0.0.1:${await freePort()}/open311/v2`, apiKey: s.apiKey });
    const down = await offline.services().catch((e: unknown) => e);
    expect((down as ApiError).kind).toBe('network');
    expect((down as ApiError).retryable).toBe(true);
    expect(describeApiError(down, 'id')).toContain('Tidak ada koneksi');
    const badKey = createOpen311Client({ baseUrl: `${s.url}/open311/v2`, apiKey: 'wrong-key-wrong-key' });
    const refused = await badKey.postRequest(complaint('x')).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(403);
  });
});

describe('the outbox', () => {
  let dataDir: string;
  let port: number;
  let s: TestServer | null = null;
  const proxy = relay(() => `http://127.0.0.1:${port}`);
  let proxyUrl: string;

  beforeAll(async () => {
    dataDir = await tempDir();
    port = await freePort();
    s = await startServer({ dataDir, port });
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', () => r()));
    const address = proxy.server.address();
    proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    proxy.server.close();
    await s?.cleanup();
  });

  const makeOutbox = (name: string) => new Outbox(async () => createOpen311Client({ baseUrl: `${proxyUrl}/open311/v2`, apiKey: s!.apiKey }), name);

  async function countStored(description: string): Promise<number> {
    const rows = await s!.server.ctx.db.selectFrom('service_requests').select('service_request_id').where('description', '=', description).execute();
    return rows.length;
  }

  it('a kiosk page without WebCrypto (plain HTTP on a LAN) keeps its pending report in memory only, and sends it once', async () => {
    // Browsers give crypto.subtle only to secure contexts; this page is like a kiosk at http://<laptop-ip>.
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      const outbox = makeOutbox('outbox-kiosk-insecure');
      outbox.sealEntries();
      const description = uniqueText('kiosk insecure');
      proxy.state.mode = 'down';
      const entry = await outbox.submit(complaint(description));
      expect(entry.state).toBe('pending');
      const stored = await outbox.list();
      expect(stored).toHaveLength(1);
      expect(stored[0].memoryOnly).toBe(true);
      // Nothing of the citizen's report is on the device's disk.
      expect(JSON.stringify(stored)).not.toContain(description);
      proxy.state.mode = 'pass';
      const [sent] = await outbox.flush();
      expect(sent.state).toBe('sent');
      expect(await countStored(description)).toBe(1);
      expect(await outbox.flush()).toEqual([]);
      expect(await countStored(description)).toBe(1);
      // A page reloaded while such a report waited has lost it: the entry is dropped, not sent empty.
      proxy.state.mode = 'down';
      await outbox.submit(complaint(uniqueText('kiosk lost')));
      const reloaded = makeOutbox('outbox-kiosk-insecure');
      proxy.state.mode = 'pass';
      await reloaded.flush();
      expect((await reloaded.list()).filter((e) => e.state === 'pending')).toEqual([]);
    } finally {
      delete (globalThis.crypto as { subtle?: unknown }).subtle;
    }
    expect(typeof globalThis.crypto.subtle.encrypt).toBe('function');
  });

  it('keeps a submission made while the network is down and sends it once when it returns', async () => {
    const outbox = makeOutbox('outbox-down');
    const description = uniqueText('offline');
    proxy.state.mode = 'down';
    const entry = await outbox.submit(complaint(description));
    expect(entry.state).toBe('pending');
    expect((await outbox.list()).map((e) => e.id)).toEqual([entry.id]);
    expect(await countStored(description)).toBe(0);
    // Still down: a flush changes nothing.
    expect((await outbox.flush())[0].state).toBe('pending');
    proxy.state.mode = 'pass';
    const [sent] = await outbox.flush();
    expect(sent.state).toBe('sent');
    expect(sent.result?.[0].service_request_id).toMatch(/^MKS-/);
    expect(await countStored(description)).toBe(1);
    // Flushing again sends nothing more.
    await outbox.flush();
    expect(await countStored(description)).toBe(1);
    outbox.stop();
  });

  it('survives the server going away and coming back on the same data', async () => {
    const outbox = makeOutbox('outbox-restart');
    const description = uniqueText('restart');
    await s!.close();
    const entry = await outbox.submit(complaint(description));
    expect(entry.state).toBe('pending');
    s = await startServer({ dataDir, port });
    const [sent] = await outbox.flush();
    expect(sent.state).toBe('sent');
    expect(await countStored(description)).toBe(1);
    outbox.stop();
  });

  it('arrives exactly once when the answer is lost and the same Idempotency-Key is retried', async () => {
    const outbox = makeOutbox('outbox-lost');
    const description = uniqueText('lost');
    proxy.state.mode = 'lose-answer';
    const entry = await outbox.submit(complaint(description));
    expect(entry.state).toBe('pending');
    expect(await countStored(description)).toBe(1);
    proxy.state.mode = 'pass';
    const [sent] = await outbox.flush();
    expect(sent.state).toBe('sent');
    expect(await countStored(description)).toBe(1);
    const [row] = await s!.server.ctx.db.selectFrom('service_requests').select('service_request_id').where('description', '=', description).execute();
    expect(sent.result?.[0].service_request_id).toBe(row.service_request_id);
    outbox.stop();
  });

  it('does not keep what the server refuses, and clear() forgets everything', async () => {
    const outbox = makeOutbox('outbox-refused');
    const refused = await outbox.submit({ ...complaint('x'), attributes: { severity: 'kiamat' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(await outbox.list()).toEqual([]);
    proxy.state.mode = 'down';
    await outbox.submit(complaint(uniqueText('kept')));
    expect((await outbox.list()).length).toBe(1);
    await outbox.clear();
    expect(await outbox.list()).toEqual([]);
    proxy.state.mode = 'pass';
    outbox.stop();
  });

  it('keeps a photo taken offline with its report and delivers both exactly once', async () => {
    const outbox = makeOutbox('outbox-photo');
    const description = uniqueText('photo');
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
    proxy.state.mode = 'down';
    const entry = await outbox.submit(complaint(description), [new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' })]);
    expect(entry.state).toBe('pending');
    // The photo waits on the device with the report.
    expect((await outbox.list())[0].photos?.[0].size).toBe(jpeg.length);
    proxy.state.mode = 'pass';
    const [sent] = await outbox.flush();
    expect(sent.state).toBe('sent');
    expect(sent.photos).toBeUndefined();
    await outbox.flush();
    expect(await countStored(description)).toBe(1);
    const photos = await s!.server.ctx.db.selectFrom('request_photos').select('photo_id').where('service_request_id', '=', sent.result![0].service_request_id!).execute();
    expect(photos).toHaveLength(1);
    outbox.stop();
  });
});
