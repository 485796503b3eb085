import type { SubmissionInput } from '../../shared/submission';

/**
 * Sealing a kiosk's pending report (issue 11, point 12).
 *
 * A report that could not be sent yet must survive the kiosk's privacy reset (else the
 * complaint is lost), but the next visitor, or anyone who opens the browser's storage, must
 * not read the name, phone, address or words in it. So on a kiosk the outbox keeps only the
 * service code in clear and the rest of the submission, photos included, as AES-GCM
 * ciphertext.
 *
 * Why a device key and not the server's public key: sealing to a server key would make the
 * kiosk unable to read the report at all, but it would change the Open311 POST that every
 * client uses (the server would have to accept and open a sealed body). The key here is a
 * WebCrypto key created with `extractable: false`: its bytes can never be read by a script,
 * exported or copied out through the developer tools; IndexedDB keeps only an opaque handle,
 * in a database of its own (not the outbox's), that the reset leaves while a report is pending
 * and deletes once nothing is, so every new pending report gets a new key. What it
 * does not protect against is code running in the app's own origin while a report is pending
 * (it could ask the browser to decrypt); the kiosk is locked down so a visitor runs none.
 */
export interface SealedBox {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

interface Payload {
  input: SubmissionInput;
  photos: { type: string; bytes: ArrayBuffer }[];
}

export const SEAL_KEY_DB = 'makaverse-outbox-key';

/**
 * Whether this page can seal: WebCrypto exists only in secure contexts (HTTPS, localhost). A
 * kiosk opened over plain HTTP on a LAN address cannot, and keeps its pending report in memory.
 */
export function canSeal(): boolean {
  return typeof globalThis.crypto?.subtle?.encrypt === 'function';
}
const STORE = 'keys';
const KEY_NAME = 'seal';

/** One request on the key database, opened and closed around it (so the reset can delete the database). */
function withKeys<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(SEAL_KEY_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => {
        db.close();
        reject(request.error);
      };
    };
  });
}

async function sealKey(create: boolean): Promise<CryptoKey | undefined> {
  const kept = await withKeys<CryptoKey | undefined>('readonly', (s) => s.get(KEY_NAME));
  if (kept || !create) return kept;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await withKeys('readwrite', (s) => s.put(key, KEY_NAME));
  return key;
}

/** Seals a submission and its photos with the device's non-extractable key. */
export async function seal(input: SubmissionInput, photos: Blob[]): Promise<SealedBox> {
  const key = (await sealKey(true))!;
  const payload: Payload = { input, photos: await Promise.all(photos.map(async (p) => ({ type: p.type, bytes: await p.arrayBuffer() }))) };
  // A length-prefixed JSON head, then the photos' bytes as they are (not base64 inside the JSON).
  const json = new TextEncoder().encode(JSON.stringify({ input, photos: payload.photos.map((p) => ({ type: p.type, size: p.bytes.byteLength })) }));
  const total = 4 + json.byteLength + payload.photos.reduce((n, p) => n + p.bytes.byteLength, 0);
  const plain = new Uint8Array(total);
  new DataView(plain.buffer).setUint32(0, json.byteLength);
  plain.set(json, 4);
  let at = 4 + json.byteLength;
  for (const p of payload.photos) {
    plain.set(new Uint8Array(p.bytes), at);
    at += p.bytes.byteLength;
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, data };
}

/** Opens a sealed submission; throws when the key is gone (the report cannot be read any more). */
export async function unseal(box: SealedBox): Promise<{ input: SubmissionInput; photos: Blob[] }> {
  const key = await sealKey(false);
  if (!key) throw new Error('seal key gone');
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv }, key, box.data));
  const length = new DataView(plain.buffer).getUint32(0);
  const head = JSON.parse(new TextDecoder().decode(plain.subarray(4, 4 + length))) as { input: SubmissionInput; photos: { type: string; size: number }[] };
  let at = 4 + length;
  const photos = head.photos.map((p) => {
    const blob = new Blob([plain.slice(at, at + p.size)], { type: p.type });
    at += p.size;
    return blob;
  });
  return { input: head.input, photos };
}

/** Drops the key and its database (nothing sealed is pending any more): the next sealed report gets a new one. */
export function forgetSealKey(): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(SEAL_KEY_DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
