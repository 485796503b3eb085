import type { ServerConfig } from '../config';
import { Sanctions } from './sanctions';

/**
 * The hall's door, per process: how many seats and queue numbers each address holds, how
 * fast it joins, and which visitors were already counted as a visit today; and the memory of
 * which visitors a supervisor removed or muted (sanctions.ts: shared through Redis when set). Addresses are keys from addressKey() (an IPv6 client by its /64).
 */
export class HallGate {
  private readonly joins = new Map<string, number[]>();
  private readonly seats = new Map<string, number>();
  private readonly queued = new Map<string, number>();
  readonly sanctions = new Sanctions();
  private readonly visits = new Map<string, string>();
  /** Cases filed lately and the address they came from (kept in memory only, a few hours). */
  private readonly filings = new Map<string, { address: string; at: number }>();

  constructor(private readonly config: Pick<ServerConfig, 'hallJoinsPerMinute' | 'hallSeatsPerAddress' | 'hallQueuePerAddress'>) {}

  /** A seat reservation from this address, unless it made too many in the last minute. */
  allowJoin(address: string, now = Date.now()): boolean {
    const recent = (this.joins.get(address) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.config.hallJoinsPerMinute) {
      this.joins.set(address, recent);
      return false;
    }
    recent.push(now);
    this.joins.set(address, recent);
    if (this.joins.size > 50_000) this.prune(now);
    return true;
  }

  /** Takes a seat for this address, or false when it holds as many as it may. */
  takeSeat(address: string): boolean {
    const n = this.seats.get(address) ?? 0;
    if (n >= this.config.hallSeatsPerAddress) return false;
    this.seats.set(address, n + 1);
    return true;
  }

  freeSeat(address: string): void {
    const n = (this.seats.get(address) ?? 1) - 1;
    if (n > 0) this.seats.set(address, n);
    else this.seats.delete(address);
  }

  /** Takes a queue number for this address, or false when it holds as many as it may. */
  takeQueue(address: string): boolean {
    const n = this.queued.get(address) ?? 0;
    if (n >= this.config.hallQueuePerAddress) return false;
    this.queued.set(address, n + 1);
    return true;
  }

  freeQueue(address: string): void {
    const n = (this.queued.get(address) ?? 1) - 1;
    if (n > 0) this.queued.set(address, n);
    else this.queued.delete(address);
  }

  queuedBy(address: string): number {
    return this.queued.get(address) ?? 0;
  }

  /** True the first time a visitor (by device, else address) comes in on a given day. */
  firstVisitToday(visitor: string, day: string): boolean {
    if (this.visits.get(visitor) === day) return false;
    this.visits.set(visitor, day);
    if (this.visits.size > 100_000) for (const [k, d] of this.visits) if (d !== day) this.visits.delete(k);
    return true;
  }

  recordFiling(serviceRequestId: string, address: string, now = Date.now()): void {
    this.filings.set(serviceRequestId, { address, at: now });
    if (this.filings.size > 20_000) for (const [id, f] of this.filings) if (now - f.at > 3 * 3_600_000 || this.filings.size > 15_000) this.filings.delete(id);
  }

  /** The address a case was filed from, when this process saw it filed. */
  filedFrom(serviceRequestId: string): string | undefined {
    return this.filings.get(serviceRequestId)?.address;
  }

  /** Cases this process saw filed from any of these addresses since a moment (newest first). */
  filedSince(addresses: readonly string[], since: number): string[] {
    const found: { id: string; at: number }[] = [];
    for (const [id, f] of this.filings) if (f.at >= since && addresses.includes(f.address)) found.push({ id, at: f.at });
    return found.sort((a, b) => b.at - a.at).map((f) => f.id);
  }

  private prune(now: number): void {
    for (const [k, times] of this.joins) if (times.every((t) => now - t >= 60_000)) this.joins.delete(k);
  }
}
