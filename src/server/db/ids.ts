import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/**
 * A tracking number a citizen can read out and type: MKS-7K3P-9QXD. Random, so numbers
 * say nothing about how many reports exist and cannot be guessed in order.
 */
export function newTrackingNumber(): string {
  const bytes = randomBytes(8);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return `MKS-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Tokens for batch services (Open311 `token`). */
export function newToken(): string {
  return randomUUID();
}

/** Accepts what a citizen types (lower case, spaces, missing dashes) and gives the canonical number. */
export function normalizeTrackingNumber(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = raw.startsWith('MKS') ? raw.slice(3) : raw;
  if (body.length !== 8) return input.trim();
  return `MKS-${body.slice(0, 4)}-${body.slice(4)}`;
}
