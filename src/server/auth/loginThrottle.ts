/** Failed logins allowed per account before each further one locks it for a growing delay. */
export const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 15 * 60;
/** Failures forgotten this long after the last one. */
const FORGET_MS = 60 * 60_000;
/** A burst: this many failed or refused attempts on one account within BURST_WINDOW_MS tells the supervisors. */
export const BURST_FAILURES = 10;
const BURST_WINDOW_MS = 10 * 60_000;

interface AccountState {
  failures: number;
  last: number;
  lockedUntil: number;
  recent: number[];
  addresses: Set<string>;
  burstNoticeAt: number;
}

/**
 * Per-account login limit, whatever address the attempts come from (a botnet gets no more
 * tries than one machine): after FREE_FAILURES, each failure locks the account for 1, 2, 4 …
 * seconds (at most 15 minutes); while locked even the right password is refused.
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, AccountState>();

  /** Seconds until this account may try again (0: now). */
  lockedFor(username: string, now = Date.now()): number {
    const s = this.state(username, now);
    return s ? Math.max(0, Math.ceil((s.lockedUntil - now) / 1000)) : 0;
  }

  /** Counts a failure; returns the new lock (seconds) and whether this makes a burst to report. */
  failed(username: string, address: string, now = Date.now()): { lockSeconds: number; burst: { failures: number; addresses: number } | null } {
    const s = this.state(username, now) ?? { failures: 0, last: 0, lockedUntil: 0, recent: [], addresses: new Set<string>(), burstNoticeAt: 0 };
    s.failures += 1;
    s.last = now;
    s.recent = [...s.recent.filter((t) => now - t < BURST_WINDOW_MS), now];
    s.addresses.add(address);
    const over = s.failures - FREE_FAILURES;
    const lockSeconds = over > 0 ? Math.min(MAX_LOCK_SECONDS, 2 ** (over - 1)) : 0;
    s.lockedUntil = now + lockSeconds * 1000;
    const burst = this.burstOf(s, now);
    this.accounts.set(username, s);
    if (this.accounts.size > 10_000) for (const [k, v] of this.accounts) if (now - v.last > FORGET_MS) this.accounts.delete(k);
    return { lockSeconds, burst };
  }

  /** An attempt refused while locked: no longer lock, but it counts towards a burst. */
  refused(username: string, address: string, now = Date.now()): { failures: number; addresses: number } | null {
    const s = this.state(username, now);
    if (!s) return null;
    s.recent = [...s.recent.filter((t) => now - t < BURST_WINDOW_MS), now];
    s.addresses.add(address);
    return this.burstOf(s, now);
  }

  private burstOf(s: AccountState, now: number): { failures: number; addresses: number } | null {
    if (s.recent.length < BURST_FAILURES || now - s.burstNoticeAt <= BURST_WINDOW_MS) return null;
    s.burstNoticeAt = now;
    return { failures: s.recent.length, addresses: s.addresses.size };
  }

  succeeded(username: string): void {
    this.accounts.delete(username);
  }

  private state(username: string, now: number): AccountState | undefined {
    const s = this.accounts.get(username);
    if (s && now - s.last > FORGET_MS && s.lockedUntil <= now) {
      this.accounts.delete(username);
      return undefined;
    }
    return s;
  }
}
