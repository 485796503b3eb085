import { clear, createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { PostResult } from '../../shared/open311';
import type { SubmissionInput } from '../../shared/submission';
import { ApiError } from './errors';
import type { Open311Client } from './open311Client';

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
  /** The server's answer once it stored the request (the ticket number). */
  result?: PostResult[];
  sentAt?: string;
}

type Listener = (entries: OutboxEntry[]) => void;

function newKey(): string {
  return globalThis.crypto.randomUUID();
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
    const entry: OutboxEntry = { id: newKey(), input, ...(photos.length ? { photos } : {}), createdAt: new Date().toISOString(), state: 'pending', attempts: 0 };
    await set(entry.id, entry, this.store);
    this.emit();
    const sent = await this.send(entry);
    if (sent.state === 'pending') this.schedule();
    return sent;
  }

  /** Sends every pending entry once, oldest first; concurrent calls share one run. */
  flush(): Promise<OutboxEntry[]> {
    this.flushing ??= (async () => {
      try {
        const pending = (await this.list()).filter((e) => e.state === 'pending');
        const out: OutboxEntry[] = [];
        for (const entry of pending) out.push(await this.send(entry));
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

  /** Removes everything kept on this device (the kiosk's privacy reset). */
  async clear(): Promise<void> {
    await clear(this.store);
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

  private async send(entry: OutboxEntry): Promise<OutboxEntry> {
    const attempt = { ...entry, attempts: entry.attempts + 1 };
    try {
      const client = await this.client();
      const result = await client.postRequest(entry.input, entry.id, entry.photos);
      // Once stored on the server the photos need not stay on the device.
      const { photos: _sent, ...rest } = attempt;
      const sent: OutboxEntry = { ...rest, state: 'sent', result, sentAt: new Date().toISOString() };
      await set(entry.id, sent, this.store);
      this.emit();
      return sent;
    } catch (error) {
      const retryable = !(error instanceof ApiError) || error.retryable;
      if (!retryable) {
        await del(entry.id, this.store);
        this.emit();
        throw error;
      }
      await set(entry.id, attempt, this.store);
      this.emit();
      return attempt;
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
