import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Catalog } from '../../shared/catalog';
import { isLang, type Lang } from '../../shared/i18n';
import { redactPersonal } from '../../shared/personal';
import { isStage, STAGE_INFO } from '../../shared/stages';
import { decryptPersonal } from '../auth/pii';
import { followupKey, followupSecret } from '../cases/followupLink';
import { citizenLinks, followerLinks } from '../cases/links';
import { entryText } from '../cases/timeline';
import type { ServerConfig } from '../config';
import type { Database, MailOutboxTable } from '../db/schema';
import { renderMail } from './render';
import { composeStaffMail } from './staffMail';

type OutboxRow = Selectable<MailOutboxTable>;

/** Attempts before a mail is given up (state failed); the wait doubles each time, up to an hour. */
export const MAIL_MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 2000;
const BACKOFF_MAX_MS = 3_600_000;
const BATCH = 50;
/** Mails in flight at once (one SMTP connection each, nodemailer's pool default is 5). */
const SEND_LANES = 5;

/** One SMTP connection kept open between mails (pool=true) unless the URL says otherwise. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}

export interface MailWorkerDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  catalog: Catalog;
  piiKey: Buffer;
  /** Absolute base URL for links in mails. */
  base: () => string;
  log: (message: string) => void;
}

/**
 * Sends the outbox. Each due row is claimed with a lease (FOR UPDATE SKIP LOCKED, so two
 * processes never take the same row), sent, then marked sent. A process killed mid-send
 * leaves its lease to expire and the row is sent after the restart; the Message-ID is
 * derived from the event, so even the rare resend after an accepted-but-unrecorded mail is
 * recognisable as the same message. Without SMTP_URL nothing is sent and mails stay queued.
 */
export class MailWorker {
  private transport: Transporter | null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly key: Buffer;

  constructor(private readonly deps: MailWorkerDeps) {
    this.transport = deps.config.smtpUrl ? nodemailer.createTransport(pooled(deps.config.smtpUrl)) : null;
    this.key = followupKey(deps.piiKey);
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  start(): void {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => this.kick(), this.deps.config.mailPollMs);
    this.kick();
  }

  /** Looks for due mails now (after a commit that queued one). */
  kick(): void {
    if (!this.transport || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      let full = false;
      do {
        this.again = false;
        try {
          // A full batch means more may be due: go on without waiting for the next poll.
          full = (await this.runOnce()) === BATCH;
        } catch (error) {
          full = false;
          if (!this.stopped) this.deps.log(`mail worker: ${(error as Error).message}`);
        }
      } while ((this.again || full) && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close();
  }

  /** Claims and sends one batch; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    const rows = await this.claim();
    // One case's mails go out in order; different cases' mails go out side by side (pooled connections).
    const byCase = new Map<string, OutboxRow[]>();
    for (const row of rows) byCase.set(row.service_request_id, [...(byCase.get(row.service_request_id) ?? []), row]);
    const queues = [...byCase.values()];
    const lane = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const row of queue) if (!this.stopped) await this.deliver(row);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_LANES, queues.length) }, lane));
    return rows.length;
  }

  private async claim(): Promise<OutboxRow[]> {
    const lease = this.deps.config.mailLeaseSeconds;
    const result = await sql<OutboxRow>`
      update mail_outbox set lease_until = now() + make_interval(secs => ${lease}), attempts = attempts + 1
      where id in (
        select id from mail_outbox
        where state = 'queued' and not_before <= now() and (lease_until is null or lease_until < now())
        order by not_before, id
        limit ${BATCH}
        for update skip locked
      )
      returning *`.execute(this.deps.db);
    return result.rows;
  }

  private async finish(row: OutboxRow, set: { state: string; last_error?: string | null; not_before?: Date }): Promise<void> {
    await this.deps.db
      .updateTable('mail_outbox')
      .set({ ...set, lease_until: null, ...(set.state === 'sent' ? { sent_at: new Date() } : {}) })
      .where('id', '=', row.id)
      .where('state', '=', 'queued')
      .execute();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    let message;
    try {
      message = await this.compose(row);
    } catch (error) {
      await this.finish(row, { state: 'failed', last_error: redactPersonal((error as Error).message).slice(0, 500) });
      return;
    }
    if (!message) {
      await this.finish(row, { state: 'skipped' });
      return;
    }
    try {
      await this.transport!.sendMail(message);
      await this.finish(row, { state: 'sent', last_error: null });
    } catch (error) {
      const attempts = Number(row.attempts);
      const reason = redactPersonal((error as Error).message).slice(0, 500);
      if (attempts >= MAIL_MAX_ATTEMPTS) {
        await this.finish(row, { state: 'failed', last_error: reason });
      } else {
        const wait = Math.min(BACKOFF_BASE_MS * 2 ** (attempts - 1), BACKOFF_MAX_MS);
        await this.deps.db
          .updateTable('mail_outbox')
          .set({ lease_until: null, last_error: reason, not_before: new Date(Date.now() + wait) })
          .where('id', '=', row.id)
          .execute();
      }
    }
  }

  /** The mail for a row, or null when it should not go out any more (unsubscribed, answered, no address). */
  private async compose(row: OutboxRow): Promise<nodemailer.SendMailOptions | null> {
    const { db, catalog, config } = this.deps;
    if (row.staff_id) return composeStaffMail(db, catalog, row, config.mailFrom, this.deps.base());
    const c = await db.selectFrom('service_requests').selectAll().where('service_request_id', '=', row.service_request_id).executeTakeFirst();
    if (!c) return null;
    // Issue 13: a follower's mail goes to the follower, with the public tracker instead of the private link.
    const follower = row.follower_id ? await db.selectFrom('case_followers').selectAll().where('id', '=', row.follower_id).executeTakeFirst() : undefined;
    if (row.follower_id && (!follower || !follower.mail_enabled || !follower.personal_data)) return null;
    if (!follower && (!c.mail_enabled || !c.personal_data)) return null;
    const to = decryptPersonal(this.deps.piiKey, (follower?.personal_data ?? c.personal_data)!).contact.email;
    if (!to) return null;
    const langOf = follower?.lang ?? c.lang;
    const lang: Lang = isLang(langOf) ? langOf : 'id';
    const note = row.note_id ? await db.selectFrom('request_notes').selectAll().where('id', '=', row.note_id).executeTakeFirst() : undefined;
    if (row.kind === 'fixed_question') {
      // Asked only while the resolution it follows is the latest word: not after a reopening or an answer.
      const later = await db
        .selectFrom('request_notes')
        .select('id')
        .where('service_request_id', '=', c.service_request_id)
        .where('id', '>', row.note_id ?? '0')
        .where('type', 'in', ['status', 'reopen', 'fixed'])
        .executeTakeFirst();
      if (c.stage !== 'done' || later) return null;
    }
    const entry = catalog.services.get(c.service_code);
    const agency = catalog.agencies.find((a) => a.code === c.agency_code);
    const stage = isStage(c.stage) ? c.stage : 'received';
    const links = follower
      ? followerLinks(this.deps.base(), this.deps.piiKey, c.service_request_id, String(follower.id))
      : citizenLinks(this.deps.base(), followupSecret(this.key, c.service_request_id, c.followup_version));
    const content = renderMail({
      kind: row.kind,
      lang,
      trackingNumber: c.service_request_id,
      serviceName: entry?.service.name[lang] ?? c.service_code,
      agencyName: agency?.short_name[lang] ?? c.agency_code,
      stageLabel: STAGE_INFO[stage].label[lang],
      message: note ? entryText(catalog, note, lang) : null,
      entryKind: note?.type,
      followupUrl: links.followup,
      unsubscribeUrl: links.unsubscribe,
      follower: Boolean(follower),
    });
    const host = new URL(this.deps.base()).hostname || 'makaverse.local';
    return {
      from: config.mailFrom,
      to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: `<${createHash('sha256').update(row.event_key).digest('hex').slice(0, 32)}@${host}>`,
      headers: {
        'List-Unsubscribe': `<${links.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Content-Language': lang,
      },
    };
  }
}
