/**
 * One short line per refused message or connection error, never a stack trace, and at most
 * `perMinute` lines a minute (then one line saying how many were left out): a stream of
 * malformed frames must not flood the log or fill the disk.
 */
export class RefusalLog {
  private windowStart = 0;
  private written = 0;
  private suppressed = 0;

  constructor(
    private sink: (line: string) => void,
    private readonly perMinute = 30,
  ) {}

  setSink(sink: (line: string) => void): void {
    this.sink = sink;
  }

  write(what: string, now = Date.now()): void {
    if (now - this.windowStart >= 60_000) {
      if (this.suppressed > 0) this.sink(`refused: ${this.suppressed} more refusals in the last minute were not logged`);
      this.windowStart = now;
      this.written = 0;
      this.suppressed = 0;
    }
    if (this.written >= this.perMinute) {
      this.suppressed += 1;
      return;
    }
    this.written += 1;
    this.sink(`refused: ${oneLine(what)}`);
  }
}

/** The first line of an error or text, without stack frames, at most 200 characters. */
export function oneLine(value: unknown): string {
  const text = value instanceof Error ? `${value.name}: ${value.message}` : typeof value === 'string' ? value : String(value);
  const first = text.split(/\r?\n/).find((l) => l.trim() && !/^\s+at\s/.test(l)) ?? '';
  return first.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
}

/** The Colyseus logger: its errors (a malformed frame prints a whole stack) go through the refusal log. */
export function colyseusLogger(refusals: RefusalLog, base: Pick<Console, 'info' | 'warn' | 'debug' | 'trace'> = console) {
  return {
    debug: () => undefined,
    trace: () => undefined,
    info: (...args: unknown[]) => base.info(...args),
    warn: (...args: unknown[]) => refusals.write(args.map(oneLine).join(' ')),
    error: (...args: unknown[]) => refusals.write(args.map(oneLine).join(' ')),
  };
}
