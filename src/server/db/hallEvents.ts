import type { Kysely } from 'kysely';
import type { HallEventKind } from '../../shared/figures';
import type { Database } from './schema';

/**
 * Appends hall events in batches (one insert a second at most), so a busy room never waits
 * on the database; a failed write is logged and dropped, never thrown into the room.
 */
export class HallEventLog {
  private buffer: { at: Date; kind: HallEventKind; counter: string | null; wait_seconds: number | null }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  record(kind: HallEventKind, counter: string | null = null, waitSeconds: number | null = null): void {
    this.buffer.push({ at: new Date(), kind, counter, wait_seconds: waitSeconds });
    this.timer ??= setTimeout(() => void this.flush(), 1000);
  }

  /** Writes what is buffered; resolves once every write started before it has finished too. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.buffer.splice(0);
    const previous = this.writing;
    const write = (async () => {
      await previous;
      if (rows.length === 0) return;
      try {
        await this.db.insertInto('hall_events').values(rows).execute();
      } catch (error) {
        console.error(`hall events: ${rows.length} not written: ${(error as Error).message}`);
      }
    })();
    this.writing = write;
    await write;
  }
}
