import { createHash, createHmac, hkdfSync } from 'node:crypto';

/**
 * The citizen's private follow-up link. Its secret (256 bits) is derived from a server key and
 * the case's id and link version, so mails can carry it without the database storing it: the
 * database holds only its SHA-256. Bumping the version revokes every earlier link.
 */
export function followupKey(piiKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', piiKey, Buffer.alloc(0), 'makaverse follow-up link v1', 32));
}

export function followupSecret(key: Buffer, serviceRequestId: string, version: number): string {
  return createHmac('sha256', key).update(`${serviceRequestId}:${version}`).digest('base64url');
}

export function followupHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Whether a string could be a secret at all (43 base64url characters); anything else is refused unseen. */
export function looksLikeSecret(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
