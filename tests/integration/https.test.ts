import { writeFile } from 'node:fs/promises';
import { get } from 'node:https';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CONFIG_PATH, HEALTH_PATH } from '../../src/shared/constants';
import { configFromEnv } from '../../src/server/config';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server';

/** GET over HTTPS trusting only the test's own certificate. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    }).on('error', reject);
  });
}

/** Issue 14: the microphone needs a secure context, so the server serves HTTPS itself when given a certificate. */
describe('HTTPS with TLS_CERT and TLS_KEY', () => {
  let s: TestServer;
  let certDir: string;
  let cert: string;
  const ice = [{ urls: ['turn:turn.example.test:3478'], username: 'warga', credential: 'rahasia' }];

  beforeAll(async () => {
    certDir = await tempDir('makaverse-tls-');
    const pems = selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      days: 1,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    cert = pems.cert;
    await writeFile(join(certDir, 'cert.pem'), pems.cert);
    await writeFile(join(certDir, 'key.pem'), pems.private);
    s = await startServer({ env: { TLS_CERT: join(certDir, 'cert.pem'), TLS_KEY: join(certDir, 'key.pem'), ICE_SERVERS: JSON.stringify(ice) } });
  });
  afterAll(async () => {
    await s?.cleanup();
    await removeDir(certDir);
  });

  it('answers /api/health over https with the given certificate', async () => {
    expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsGet(`${s.url}${HEALTH_PATH}`, cert);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true });
    // Only this origin's own pages may ask for the microphone.
    expect(health.headers['permissions-policy']).toBe('microphone=(self)');
    // The public base URL follows: QR codes and mails point at https.
    expect(s.server.ctx.publicBaseUrl()).toMatch(/^https:/);
    // Plain HTTP on the same port is not answered as a page.
    await expect(fetch(`${s.url.replace('https:', 'http:')}${HEALTH_PATH}`)).rejects.toThrow();
  });

  it('hands the configured ICE servers to the browser', async () => {
    const config = JSON.parse((await httpsGet(`${s.url}${CLIENT_CONFIG_PATH}`, cert)).body);
    expect(config.ice_servers).toEqual(ice);
  });

  it('refuses a broken ICE_SERVERS or half a certificate at start, naming the variable', () => {
    expect(() => configFromEnv({ ICE_SERVERS: '[{urls:' })).toThrow(/ICE_SERVERS/);
    expect(() => configFromEnv({ ICE_SERVERS: '[{"urls":"http://example.test"}]' })).toThrow(/ICE_SERVERS/);
    expect(() => configFromEnv({ TLS_CERT: '/tmp/cert.pem' })).toThrow(/TLS_CERT and TLS_KEY/);
    expect(configFromEnv({}).iceServers).toEqual([]);
  });
});
