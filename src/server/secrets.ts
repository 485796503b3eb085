import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Keys the server needs; given by configuration, or generated once into the data folder. */
export interface Secrets {
  piiKey: Buffer;
  clientApiKey: string;
}

const FILE = 'secrets.json';

/**
 * Loads `secrets.json` from the data folder, creating it (mode 600) on first start.
 * Configured values win over stored ones.
 */
export async function loadSecrets(dataDir: string, configured: { piiKey?: string; clientApiKey?: string }): Promise<Secrets> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, FILE);
  let stored: { piiKey?: string; clientApiKey?: string } = {};
  try {
    stored = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${path}: unreadable: ${(error as Error).message}`);
  }
  const next = {
    piiKey: stored.piiKey ?? randomBytes(32).toString('base64'),
    clientApiKey: stored.clientApiKey ?? `web-${randomBytes(18).toString('base64url')}`,
  };
  if (next.piiKey !== stored.piiKey || next.clientApiKey !== stored.clientApiKey) {
    await writeFile(path, JSON.stringify(next, null, 2), { mode: 0o600 });
  }
  const piiKey = Buffer.from(configured.piiKey ?? next.piiKey, 'base64');
  if (piiKey.length !== 32) throw new Error('configuration: PII_KEY: must be 32 bytes, base64-encoded');
  return { piiKey, clientApiKey: configured.clientApiKey ?? next.clientApiKey };
}
