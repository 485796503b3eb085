import { get } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { CLIENT_CONFIG_PATH } from '../../src/shared/constants';
import { clientConfigSchema } from '../../src/shared/open311';
import { startServer, type TestServer } from '../helpers/server';
import { urlKiosk } from '../../src/client/kiosk/kioskStore';

describe('kiosk settings in the client configuration', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.cleanup()));
  });

  it('are off by default, with the server\'s own address for QR codes whatever Host the page sent', async () => {
    const srv = await startServer();
    servers.push(srv);
    const port = new URL(srv.url).port;
    const local = clientConfigSchema.parse(await (await fetch(`${srv.url}${CLIENT_CONFIG_PATH}`)).json());
    expect(local.kiosk).toBe(false);
    expect(local.kiosk_idle_seconds).toBe(90);
    // HOST=127.0.0.1 in tests: where it listens (with HOST=0.0.0.0 the first LAN address, see publicBaseUrl).
    expect(local.public_url).toBe(srv.url);
    // A forged Host never reaches the QR code.
    const forged = await new Promise<string>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: CLIENT_CONFIG_PATH, headers: { host: `evil.example:666` } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(JSON.parse(forged).public_url).toBe(srv.url);
  });

  it('follow KIOSK, KIOSK_IDLE_SECONDS and PUBLIC_URL, and refuse a bad value by name', async () => {
    const srv = await startServer({ env: { KIOSK: '1', KIOSK_IDLE_SECONDS: '45', PUBLIC_URL: 'http://192.168.1.20:8787/' } });
    servers.push(srv);
    const config = await (await fetch(`${srv.url}${CLIENT_CONFIG_PATH}`)).json();
    expect(config).toMatchObject({ kiosk: true, kiosk_idle_seconds: 45, public_url: 'http://192.168.1.20:8787' });
    await expect(startServer({ env: { KIOSK_IDLE_SECONDS: '3' } })).rejects.toThrow(/KIOSK_IDLE_SECONDS/);
    await expect(startServer({ env: { PUBLIC_URL: 'not a url' } })).rejects.toThrow(/PUBLIC_URL/);
  });

  it('a page asks for kiosk mode with ?kiosk=1 and its own idle time', () => {
    expect(urlKiosk('')).toEqual({ kiosk: false, idle: null });
    expect(urlKiosk('?kiosk=1')).toEqual({ kiosk: true, idle: null });
    expect(urlKiosk('?kiosk=1&idle=30')).toEqual({ kiosk: true, idle: 30 });
    // Below 10 s a visitor could not finish reading: ignored.
    expect(urlKiosk('?kiosk=true&idle=2')).toEqual({ kiosk: true, idle: null });
  });
});
