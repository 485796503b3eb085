import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Personal data of one request, kept only in encrypted form. */
export interface PersonalData {
  contact: { first_name: string | null; last_name: string | null; email: string | null; phone: string | null };
  private_attributes: Record<string, string>;
}

const VERSION = 'v1';

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url; tampering fails to decrypt. */
export function encryptPersonal(key: Buffer, data: PersonalData): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptPersonal(key: Buffer, sealed: string): PersonalData {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('personal data: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8'));
}

/** True when a submission carries any personal data worth encrypting. */
export function hasPersonal(data: PersonalData): boolean {
  return Object.values(data.contact).some(Boolean) || Object.keys(data.private_attributes).length > 0;
}
