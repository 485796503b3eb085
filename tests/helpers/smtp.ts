import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  mails: ParsedMail[];
  /** Resolves once `count` mails matching `filter` have arrived (all mails when no filter). */
  waitFor(count: number, filter?: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Called when a message's data starts arriving (to kill a sender mid-send). */
  onDataStart?: () => void;
  /** While true, incoming messages are never accepted (the transfer hangs). */
  stall: boolean;
  /** Rejects this many messages with a temporary error before accepting. */
  rejectNext: number;
  close(): Promise<void>;
}

/** A real SMTP server in the test process (no auth, no TLS); received mails are parsed with mailparser. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    mails: [],
    stall: false,
    rejectNext: 0,
    waitFor: async (count, filter = () => true, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = state.mails.filter(filter);
        if (found.length >= count) return found;
        if (Date.now() > until) throw new Error(`expected ${count} mails, got ${found.length}: ${state.mails.map((m) => m.subject).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      state.onDataStart?.();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (state.stall) return; // never answer: the sender hangs mid-send
        if (state.rejectNext > 0) {
          state.rejectNext -= 1;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        state.mails.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  state.port = typeof address === 'object' && address ? address.port : port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}
