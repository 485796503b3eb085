import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export type BotCommand =
  | {
      type: 'join';
      endpoints: string[];
      count: number;
      namePrefix: string;
      /** Index of this process's first bot overall: every `sampleEvery`-th bot reports its moves. */
      firstIndex: number;
      sampleEvery: number;
      /** Start spread over the lobby (else all at the entrance). */
      spread?: boolean;
    }
  | { type: 'walk'; seconds: number }
  | { type: 'leave' };

type BotList = { sessionId: string; roomId: string; sampled: boolean }[];

export type BotReport =
  | { type: 'joined'; bots: BotList }
  /** samples: [sessionId, x, z, sent at (ms on the machine's clock)]. */
  | { type: 'walked'; samples: [string, number, number, number][]; bytes: number; elapsedSeconds: number }
  | { type: 'error'; message: string };

function next<T extends BotReport['type']>(child: ChildProcess, type: T): Promise<Extract<BotReport, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bot process exited with ${code}`));
    const onMessage = (report: BotReport) => {
      if (report.type === 'error') reject(new Error(`bot process: ${report.message}`));
      else if (report.type === type) resolve(report as Extract<BotReport, { type: T }>);
      else return;
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Bots in child processes (tests/bench/bots.ts), so the bench process that observes and
 * measures is not also the one running hundreds of clients.
 */
export class BotPool {
  private readonly children: ChildProcess[] = [];
  private total = 0;
  private readonly lists = new Map<ChildProcess, BotList>();

  constructor(private readonly processes = 2) {}

  /** Joins `count` bots spread over the pool's processes (each process joins its bots one after another). */
  async join(count: number, options: { endpoints: string[]; sampleEvery?: number; namePrefix?: string; spread?: boolean }): Promise<void> {
    while (this.children.length < this.processes) {
      this.children.push(fork(join(import.meta.dirname, 'bots.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    }
    const per = Math.ceil(count / this.processes);
    const jobs = this.children.map((child, i) => {
      const n = Math.max(0, Math.min(per, count - i * per));
      if (n === 0) return Promise.resolve();
      const firstIndex = this.total + i * per;
      const reply = next(child, 'joined').then((r) => void this.lists.set(child, r.bots));
      child.send({ type: 'join', endpoints: options.endpoints, count: n, namePrefix: `${options.namePrefix ?? 'bot'}${firstIndex}-`, firstIndex, sampleEvery: options.sampleEvery ?? 10, spread: options.spread } satisfies BotCommand);
      return reply;
    });
    await Promise.all(jobs);
    this.total += count;
  }

  /** Every bot so far: its session, its room, and whether it reports its moves. */
  get bots(): BotList {
    return [...this.lists.values()].flat();
  }

  /** Every bot walks for `seconds`; resolves with the sampled moves and the bytes received. */
  async walk(seconds: number): Promise<{ samples: [string, number, number, number][]; bytesPerClientPerSecond: number }> {
    const replies = this.children.map((child) => next(child, 'walked'));
    for (const child of this.children) child.send({ type: 'walk', seconds } satisfies BotCommand);
    const results = await Promise.all(replies);
    const bytes = results.reduce((s, r) => s + r.bytes, 0);
    const elapsed = Math.max(...results.map((r) => r.elapsedSeconds));
    return { samples: results.flatMap((r) => r.samples), bytesPerClientPerSecond: bytes / this.total / elapsed };
  }

  /** Ends the bot processes at once: their connections drop without a goodbye (the room's reconnection window runs). */
  kill(): void {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.send({ type: 'leave' } satisfies BotCommand);
          }),
      ),
    );
  }
}
