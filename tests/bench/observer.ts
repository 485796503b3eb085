import { Client, type Room } from 'colyseus.js';
import { HALL_ROOM } from '../../src/shared/messages';
import { percentile } from './process';

/** Milliseconds on the machine's clock, comparable with the bot processes' samples. */
const now = () => performance.timeOrigin + performance.now();

/**
 * A visitor that decodes the whole state and notes when each watched bot's position first
 * shows, so the bench can match the bots' sent moves to the moment they were seen.
 */
export class Observer {
  private readonly seen = new Map<string, number[]>();
  private readonly last = new Map<string, string>();
  private watched = new Set<string>();

  private constructor(readonly room: Room) {
    room.onStateChange((state: any) => {
      const t = now();
      for (const sessionId of this.watched) {
        const v = state.visitors.get(sessionId);
        if (!v) continue;
        const key = `${sessionId}:${v.x}:${v.z}`;
        if (this.last.get(sessionId) === key) continue;
        this.last.set(sessionId, key);
        const list = this.seen.get(key);
        if (list) list.push(t);
        else this.seen.set(key, [t]);
      }
    });
  }

  static async join(endpoint: string): Promise<Observer> {
    return new Observer(await new Client(endpoint).joinOrCreate(HALL_ROOM, { name: 'observer' }));
  }

  get visitors(): number {
    return (this.room.state as { visitors?: Map<string, unknown> }).visitors?.size ?? 0;
  }

  /** Starts noting the positions of these sessions (those in other rooms are simply never seen). */
  watch(sessionIds: string[]): void {
    this.watched = new Set(sessionIds);
    this.seen.clear();
    this.last.clear();
  }

  /** Move→seen latency of each sample seen here, in ms. */
  latencies(samples: [string, number, number, number][]): number[] {
    const out: number[] = [];
    for (const [sessionId, x, z, sent] of samples) {
      const at = this.seen.get(`${sessionId}:${x}:${z}`)?.find((t) => t >= sent);
      if (at !== undefined) out.push(at - sent);
    }
    return out;
  }

  async leave(): Promise<void> {
    if (this.room.connection.isOpen) await this.room.leave().catch(() => undefined);
  }
}

/** p50 / p95 of move→seen over every observer's samples. */
export function latencyFigures(observers: Observer[], samples: [string, number, number, number][]): { p50Ms: number; p95Ms: number; samples: number; sent: number } {
  const all = observers.flatMap((o) => o.latencies(samples)).sort((a, b) => a - b);
  return { p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), samples: all.length, sent: samples.length };
}
