import { createServer, listen } from './app';
import { configFromEnv } from './config';
import { lanUrls } from './lan';

/** `npm start`: one process serving the client, the Open311 API and (later) the rooms. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await createServer(config);
  const url = await listen(server);
  const port = new URL(url).port;
  const lan = lanUrls(port, config.tlsCert ? 'https' : 'http');
  const scheme = config.tlsCert ? 'https' : 'http';
  console.log(`\nMakaverse berjalan / is running: ${scheme}://localhost:${port}`);
  if (!config.tlsCert) console.log('Bicara (suara) dari perangkat lain perlu HTTPS / Talk from other devices needs HTTPS: set TLS_CERT and TLS_KEY, or a TLS proxy with TRUST_PROXY');
  if (config.host === '0.0.0.0' && lan.length) console.log(`Jaringan lokal / local network: ${lan.join('  ')}`);
  // What discovery, QR codes and mails will say (publicBaseUrl.ts), so a wrong PUBLIC_URL shows at once.
  console.log(`Alamat publik / public address: ${server.ctx.publicBaseUrl()}${config.publicUrl ? '' : ' (set PUBLIC_URL to change)'}`);
  if (config.kiosk) console.log(`Mode kios / kiosk mode: on (reset after ${config.kioskIdleSeconds} s idle)`);
  console.log(`Database: ${server.ctx.dbKind}${server.ctx.dbKind === 'pglite' ? ` (${config.dataDir})` : ''}`);
  if (server.demoAccounts.length) {
    // Printed once: a new random password at every start (DEMO_PASSWORD fixes it). Demo accounts never see personal data.
    console.log(`\nMode demo — akun petugas / demo staff accounts (password for this run only: ${server.demoAccounts[0].password}):`);
    console.log(`  ${server.demoAccounts.map((a) => a.username).join('  ')}`);
  } else {
    console.log('Staff: add accounts with `npm run staff -- add …`, or start with DEMO=1 for demo accounts.');
  }
  console.log('');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info(`${signal}: closing`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Makaverse could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
