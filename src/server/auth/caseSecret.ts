import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A case's private secret: only whoever filed it receives it (in the POST answer), so it proves
 * "this is my case" where the public tracking number does not. Derived, not stored: HMAC of the
 * id under the server's PII key (rotating PII_KEY changes it).
 */
export function caseSecret(key: Buffer, serviceRequestId: string): string {
  return createHmac('sha256', key).update(`case-secret:${serviceRequestId}`).digest('base64url').slice(0, 24);
}

export function isCaseSecret(key: Buffer, serviceRequestId: string, secret: string | undefined): boolean {
  if (!secret) return false;
  const expected = Buffer.from(caseSecret(key, serviceRequestId));
  const given = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
