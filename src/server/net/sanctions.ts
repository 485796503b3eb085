/** What a supervisor's moderation left behind for a visitor: removed (kept out) or muted, until when. */
export interface Sanction {
  action: 'remove' | 'mute';
  until: number;
}

/** Who a sanction is about: the address key (IPv6 by /64) and the browser's device id, when sent. */
export interface SanctionSubject {
  address: string;
  device?: string;
}

/**
 * Where sanctions are kept: Colyseus' Presence has exactly this (setex/get/del), so with
 * REDIS_URL the hall's own Redis presence keeps them for every process, and without it the
 * in-process presence does.
 */
export interface SanctionStore {
  setex(key: string, value: string, seconds: number): unknown;
  get(key: string): unknown;
  del(key: string): unknown;
}

/** An address's record: the strongest sanction on it, and how many devices were removed from it. */
interface AddressRecord extends Sanction {
  removedDevices: string[];
}

/**
 * After this many visitors (distinct devices) were removed from one address, the whole
 * address is kept out: someone who clears their device id to come back gets a new one each
 * time, but a whole exhibition LAN behind one NAT is not shut out for one person.
 */
export const ADDRESS_REMOVALS_LIMIT = 3;

/** The stores' values are strings; anything unreadable counts as no sanction. */
function parse<T extends Sanction>(raw: unknown, now: number): T | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const value = JSON.parse(raw) as T;
    return typeof value.until === 'number' && value.until > now && (value.action === 'remove' || value.action === 'mute') ? value : undefined;
  } catch {
    return undefined;
  }
}

const stronger = (a: Sanction | undefined, b: Sanction | undefined): Sanction | undefined =>
  !a ? b : !b ? a : a.action !== b.action ? (a.action === 'remove' ? a : b) : a.until >= b.until ? a : b;

/** A store in this process's memory, until the hall's presence is there (and for unit use). */
export class MemoryStore implements SanctionStore {
  private readonly values = new Map<string, { value: string; until: number }>();
  setex(key: string, value: string, seconds: number): void {
    this.values.set(key, { value, until: Date.now() + seconds * 1000 });
  }
  get(key: string): string | undefined {
    const v = this.values.get(key);
    if (v && v.until <= Date.now()) this.values.delete(key);
    return v && v.until > Date.now() ? v.value : undefined;
  }
  del(key: string): void {
    this.values.delete(key);
  }
}

/**
 * The hall's memory of moderation (issue 11, point 14): a removal or a mute is remembered
 * by the visitor's device first; by their address only for joins that send no device id,
 * or for every join once ADDRESS_REMOVALS_LIMIT devices were removed from that address.
 */
export class Sanctions {
  private store: SanctionStore = new MemoryStore();
  /** Redis keys carry the deployment's prefix already (realtime.ts). */
  private readonly prefix = 'sanction:';

  /** Keeps sanctions in the hall's presence (Redis when REDIS_URL is set: shared by all processes). */
  useStore(store: SanctionStore): void {
    this.store = store;
  }

  /** Remembers a sanction on the visitor for `minutes`; a removal outranks a mute, a longer one a shorter one. */
  async record(subject: SanctionSubject, action: Sanction['action'], minutes: number, now = Date.now()): Promise<void> {
    const seconds = Math.max(1, Math.round(minutes * 60));
    const next: Sanction = { action, until: now + seconds * 1000 };
    if (subject.device) {
      const key = `${this.prefix}d:${subject.device}`;
      const kept = stronger(parse(await this.store.get(key), now), next)!;
      await this.store.setex(key, JSON.stringify(kept), Math.ceil((kept.until - now) / 1000));
    }
    const key = `${this.prefix}a:${subject.address}`;
    const current = parse<AddressRecord>(await this.store.get(key), now);
    const removed = new Set(current?.removedDevices ?? []);
    if (action === 'remove') removed.add(subject.device ?? '(none)');
    const strongest = stronger(current && { action: current.action, until: current.until }, next)!;
    const record: AddressRecord = { ...strongest, removedDevices: [...removed].slice(-ADDRESS_REMOVALS_LIMIT * 4) };
    await this.store.setex(key, JSON.stringify(record), Math.ceil((record.until - now) / 1000));
  }

  /** Lifts the visitor's sanctions (a supervisor unmutes): their device's and their address's mute. */
  async lift(subject: SanctionSubject, now = Date.now()): Promise<void> {
    if (subject.device) await this.store.del(`${this.prefix}d:${subject.device}`);
    const key = `${this.prefix}a:${subject.address}`;
    const current = parse<AddressRecord>(await this.store.get(key), now);
    // A removal remembered on the address (of somebody else, maybe) stays; a mute goes.
    if (current?.action === 'mute') await this.store.del(key);
  }

  /** The sanction that applies to someone joining now, if any. */
  async forJoin(subject: SanctionSubject, now = Date.now()): Promise<Sanction | undefined> {
    const device = subject.device ? parse(await this.store.get(`${this.prefix}d:${subject.device}`), now) : undefined;
    const address = parse<AddressRecord>(await this.store.get(`${this.prefix}a:${subject.address}`), now);
    const addressApplies =
      address && (!subject.device || (address.action === 'remove' && address.removedDevices.length >= ADDRESS_REMOVALS_LIMIT));
    return stronger(device, addressApplies ? { action: address.action, until: address.until } : undefined);
  }
}
