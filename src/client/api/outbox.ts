import { clear, createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { PostResult } from '../../shared/open311';
import { CONTACT_REACH } from '../../shared/constants';
import type { SubmissionInput } from '../../shared/submission';
import { ApiError } from './errors';
import type { Open311Client } from './open311Client';
import { canSeal, forgetSealKey, seal, unseal, type SealedBox } from './sealedBox';

/** A submission kept on the device until the server has stored it. */
export interface OutboxEntry {
  /** Also the Idempotency-Key: every retry of this entry is the same submission. */
  id: string;
  input: SubmissionInput;
  /** Photos, already shrunk on the device; kept with the report until it is sent. */
  photos?: Blob[];
  createdAt: string;
  state: 'pending' | 'sent';
  attempts: number;
  /**
   * On a kiosk: the submission and photos, encrypted (sealedBox.ts); `input` then holds only
   * the service code, and `photos` nothing.
   */
  sealed?: SealedBox;
  /**
   * On a kiosk that cannot seal (no WebCrypto on plain HTTP): the report is held in this page's
   * memory only, never written to IndexedDB; a reload loses it, as a privacy reset would.
   */
  memoryOnly?: boolean;
  /** Filed on a kiosk, in this visit (see `Outbox.visit`): only that visit may see its ticket. */
  visit?: string;
  /** Whether the citizen gave an e-mail address: the server mails the ticket there. */
  mailed?: boolean;
  /** The server's answer once it stored the request (the ticket number). */
  result?: PostResult[];
  sentAt?: string;
}

type Listener = (entries: OutboxEntry[]) => void;

/** Whether the server will mail this report's ticket to the citizen (an e-mail address in it). */
function givesMail(input: SubmissionInput): boolean {
  return [input.email, input.attributes?.[CONTACT_REACH]].some((v) => typeof v === 'string' && v.includes('@'));
}

/**
 * A random UUID (v4). `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost):
 * on an exhibition LAN over plain HTTP it is missing and the app did not start at all, while
 * `getRandomValues` is there in every context.
 */
function newKey(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The outbox: a submission is written to IndexedDB before it is sent, sent with its
 * Idempotency-Key, and retried with the same key until the server answers, so that it
 * arrives exactly once however often the network drops.
 */
export class Outbox {
  private readonly store: UseStore;
  private readonly listeners = new Set<Listener>();
  private flushing: Promise<OutboxEntry[]> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = 0;
  private readonly onOnline = () => void this.flush();
  /** Whether new entries are sealed (a kiosk). */
  private sealing = false;
  /** The current kiosk visit; a new one after each privacy reset. */
  private visitId = newKey();
  /** Kiosk reports that could not be sealed: kept here, not on disk (see OutboxEntry.memoryOnly). */
  private readonly inMemory = new Map<string, { input: SubmissionInput; photos: Blob[] }>();

  constructor(
    private readonly client: () => Promise<Open311Client>,
    /** The IndexedDB database the entries are kept in. */
    readonly storeName = 'makaverse-outbox',
  ) {
    this.store = createStore(storeName, 'entries');
  }

  /**
   * Keeps the submission, then tries to send it. Resolves with the entry: `sent` with the
   * server's result, or `pending` when it could not be sent now (it will be, later).
   * Rejects with the ApiError when the server refuses it (bad input): nothing is kept then.
   */
  async submit(input: SubmissionInput, photos: Blob[] = []): Promise<OutboxEntry> {
    const base = { id: newKey(), createdAt: new Date().toISOString(), state: 'pending' as const, attempts: 0 };
    const kiosk = { input: { service_code: input.service_code }, visit: this.visitId, mailed: givesMail(input) };
    let entry: OutboxEntry;
    if (!this.sealing) entry = { ...base, input, ...(photos.length ? { photos } : {}) };
    else if (canSeal()) entry = { ...base, ...kiosk, sealed: await seal(input, photos) };
    else {
      entry = { ...base, ...kiosk, memoryOnly: true };
      this.inMemory.set(entry.id, { input, photos });
    }
    await set(entry.id, entry, this.store);
    this.emit();
    const sent = await this.send(entry, { input, photos });
    if (sent.state === 'pending') this.schedule();
    return sent;
  }

  /** Sends every pending entry once, oldest first; concurrent calls share one run. */
  flush(): Promise<OutboxEntry[]> {
    this.flushing ??= (async () => {
      try {
        const pending = (await this.list()).filter((e) => e.state === 'pending');
        const out: OutboxEntry[] = [];
        for (const entry of pending) {
          try {
            out.push(await this.send(entry));
          } catch {
            // Refused by the server or unreadable: dropped by send(); the others go on.
          }
        }
        if (out.some((e) => e.state === 'pending')) this.schedule();
        else this.retryDelay = 0;
        return out;
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  async list(): Promise<OutboxEntry[]> {
    const all = await values<OutboxEntry>(this.store);
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get(id: string): Promise<OutboxEntry | undefined> {
    return get<OutboxEntry>(id, this.store);
  }

  /** Forgets a sent entry once its ticket has been shown. */
  async remove(id: string): Promise<void> {
    await del(id, this.store);
    this.emit();
  }

  /** Removes everything kept on this device (the kiosk's privacy reset), and the seal key with it. */
  async clear(): Promise<void> {
    this.inMemory.clear();
    await clear(this.store);
    await forgetSealKey();
    this.emit();
  }

  /** Kiosk mode: from now on pending reports are kept sealed. */
  sealEntries(): void {
    this.sealing = true;
  }

  /** The current kiosk visit. */
  get visit(): string {
    return this.visitId;
  }

  /** The kiosk's privacy reset: what is still pending belongs to a visitor who has gone. */
  newVisit(): void {
    this.visitId = newKey();
  }

  /** Whether an entry was filed on a kiosk by a visitor before the current one. */
  fromEarlierVisit(entry: OutboxEntry): boolean {
    return entry.visit !== undefined && entry.visit !== this.visitId;
  }

  /** Drops this visit's pending reports, with the visitor's consent (the kiosk's idle warning). */
  async discardPending(visit = this.visitId): Promise<void> {
    const entries = await this.list();
    const dropped = entries.filter((e) => e.state === 'pending' && e.visit === visit);
    for (const e of dropped) this.inMemory.delete(e.id);
    await Promise.all(dropped.map((e) => del(e.id, this.store)));
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends pending entries now and whenever the browser comes back online. */
  start(): void {
    globalThis.addEventListener?.('online', this.onOnline);
    void this.flush();
  }

  stop(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async send(entry: OutboxEntry, plain?: { input: SubmissionInput; photos: Blob[] }): Promise<OutboxEntry> {
    const attempt = { ...entry, attempts: entry.attempts + 1 };
    try {
      const client = await this.client();
      const { input, photos } = plain ?? (entry.sealed ? await this.open(entry, entry.sealed) : entry.memoryOnly ? await this.fromMemory(entry) : { input: entry.input, photos: entry.photos });
      const result = await client.postRequest(input, entry.id, photos);
      // Once stored on the server neither the photos nor the sealed report need stay on the device.
      const { photos: _sent, sealed: _sealed, ...rest } = attempt;
      const sent: OutboxEntry = { ...rest, state: 'sent', result, sentAt: new Date().toISOString() };
      await set(entry.id, sent, this.store);
      this.inMemory.delete(entry.id);
      this.emit();
      return sent;
    } catch (error) {
      const retryable = !(error instanceof ApiError) || error.retryable;
      if (!retryable) {
        this.inMemory.delete(entry.id);
        await del(entry.id, this.store);
        this.emit();
        throw error;
      }
      await set(entry.id, attempt, this.store);
      this.emit();
      return attempt;
    }
  }

  /** A memory-only entry's report; after a reload it is gone, and the entry is dropped. */
  private async fromMemory(entry: OutboxEntry): Promise<{ input: SubmissionInput; photos: Blob[] }> {
    const kept = this.inMemory.get(entry.id);
    if (kept) return kept;
    await del(entry.id, this.store);
    this.emit();
    throw new ApiError('invalid_response', 0, [], 'kiosk report lost with the page (it could not be sealed)');
  }

  /** A sealed entry's report; one whose key is gone can never be sent and is dropped. */
  private async open(entry: OutboxEntry, box: SealedBox): Promise<{ input: SubmissionInput; photos: Blob[] }> {
    try {
      return await unseal(box);
    } catch {
      await del(entry.id, this.store);
      this.emit();
      throw new ApiError('invalid_response', 0, [], 'sealed report unreadable');
    }
  }

  /** Retries with backoff (2 s doubling to 1 min) while something is pending. */
  private schedule(): void {
    if (this.timer) return;
    this.retryDelay = Math.min(60_000, this.retryDelay ? this.retryDelay * 2 : 2_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.retryDelay);
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    void this.list().then((entries) => this.listeners.forEach((l) => l(entries)));
  }
}
