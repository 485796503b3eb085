import { sql, type Kysely, type Transaction } from 'kysely';
import { ENTRY_VISIBILITY, type EntryKind, type TimelineEntry, type Visibility } from '../../shared/caseLoop';
import type { Catalog } from '../../shared/catalog';
import { toCityIso } from '../../shared/datetime';
import type { Lang } from '../../shared/i18n';
import { redactPersonal } from '../../shared/personal';
import { isStage, STAGE_INFO, type Stage } from '../../shared/stages';
import type { NoteRow } from '../db/requestStore';
import type { Database } from '../db/schema';
import { enqueueFollowersMail } from './followers';

type Db = Kysely<Database> | Transaction<Database>;

/** Timeline entries the citizen is mailed about (when they gave an address): what staff tell them. */
const MAILED: ReadonlySet<EntryKind> = new Set(['status', 'reply', 'transfer', 'merge']);

export interface EntryInput {
  id: string;
  kind: EntryKind;
  text: string | null;
  /** Staff username, `citizen` or `system`. */
  author: string;
  staffId?: string | null;
  stage?: Stage | null;
  detail?: Record<string, unknown>;
  now?: Date;
  /** false: not mailed even when the kind usually is (the kept side of a merge). */
  mail?: boolean;
}

/**
 * Appends one entry to a case's timeline and touches the case; a public entry written by staff
 * also queues its mail in the same transaction (the worker sends it after commit).
 */
export async function addEntry(tx: Db, input: EntryInput): Promise<NoteRow> {
  const now = input.now ?? new Date();
  const row = await tx
    .insertInto('request_notes')
    .values({
      service_request_id: input.id,
      created_at: now,
      type: input.kind,
      stage: input.stage ?? null,
      description: input.text,
      author: input.author,
      visibility: ENTRY_VISIBILITY[input.kind],
      staff_id: input.staffId ?? null,
      detail: JSON.stringify(input.detail ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.updateTable('service_requests').set({ updated_at: now }).where('service_request_id', '=', input.id).execute();
  if (MAILED.has(input.kind) && input.mail !== false) {
    await enqueueMail(tx, { id: input.id, kind: 'update', eventKey: `note:${row.id}`, noteId: row.id, now });
    // Issue 13: followers of the case get its public updates too (never its private link).
    await enqueueFollowersMail(tx, { id: input.id, kind: 'update', eventKey: `note:${row.id}`, noteId: row.id, now });
  }
  return row;
}

/**
 * Queues a mail for a case whose citizen gave an address and did not unsubscribe; the event key
 * is unique, so the same event never queues twice. Returns whether a row was added.
 */
export async function enqueueMail(
  tx: Db,
  mail: { id: string; kind: string; eventKey: string; noteId?: string | null; notBefore?: Date; now?: Date },
): Promise<boolean> {
  const now = mail.now ?? new Date();
  const result = await sql`
    insert into mail_outbox (event_key, service_request_id, kind, note_id, not_before, created_at)
    select ${mail.eventKey}, service_request_id, ${mail.kind}, ${mail.noteId ?? null}, ${mail.notBefore ?? now}, ${now}
    from service_requests where service_request_id = ${mail.id} and mail_enabled
    on conflict (event_key) do nothing`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A case's timeline, oldest first, with the writer's display name. */
export async function readTimeline(db: Db, id: string): Promise<(NoteRow & { display_name: string | null })[]> {
  return db
    .selectFrom('request_notes as n')
    .leftJoin('staff as s', 's.id', 'n.staff_id')
    .selectAll('n')
    .select('s.display_name')
    .where('n.service_request_id', '=', id)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}

const TRANSFERRED: Record<Lang, string> = { id: 'Dialihkan ke', en: 'Transferred to' };
const MERGED_INTO: Record<Lang, string> = { id: 'Laporan ini digabung dengan laporan {into}, yang menangani masalah yang sama; kabar selanjutnya datang dari laporan itu.', en: 'This report was merged into report {into}, which handles the same problem; further news comes from that report.' };
const MERGED_FROM: Record<Lang, string> = { id: 'Laporan {from} tentang masalah yang sama digabung ke laporan ini.', en: 'Report {from} about the same problem was merged into this one.' };
const ANSWERED: Record<'fixed' | 'reopen', Record<Lang, string>> = {
  fixed: { id: 'Sudah beres', en: 'Fixed' },
  reopen: { id: 'Belum beres', en: 'Not fixed' },
};

/** The words of an entry in the reader's language (system entries are worded from their stage). */
export function entryText(catalog: Catalog, note: NoteRow, lang: Lang): string {
  if (note.type === 'transfer') {
    const to = String((note.detail as Record<string, unknown>)?.to ?? '');
    const agency = catalog.agencies.find((a) => a.code === to);
    return `${TRANSFERRED[lang]} ${agency?.short_name[lang] ?? to}: ${note.description ?? ''}`;
  }
  if (note.type === 'merge') {
    const d = (note.detail ?? {}) as Record<string, unknown>;
    const words = (d.into ? MERGED_INTO : MERGED_FROM)[lang].replace('{into}', String(d.into ?? '')).replace('{from}', String(d.from ?? ''));
    return note.description ? `${words} ${note.description}` : words;
  }
  if (note.description) return note.description;
  // The citizen's answer without words of their own still says what it was.
  if (note.type === 'fixed' || note.type === 'reopen') return ANSWERED[note.type][lang];
  return isStage(note.stage) ? STAGE_INFO[note.stage].explain[lang] : '';
}

/** Who may read which entries: public (tracking number), private (the link holder), staff (everything). */
export type Audience = 'public' | 'private' | 'staff';

const SEES: Record<Audience, ReadonlySet<string>> = {
  public: new Set<Visibility>(['public']),
  private: new Set<Visibility>(['public', 'private']),
  staff: new Set<Visibility>(['public', 'private', 'internal']),
};

export function visibleTo(audience: Audience, note: Pick<NoteRow, 'visibility'>): boolean {
  return SEES[audience].has(note.visibility);
}

const CITIZEN: Record<Lang, string> = { id: 'Anda', en: 'You' };

/** Entries as one audience may read them; the public sees no names and has personal data masked. */
export function presentTimeline(
  catalog: Catalog,
  rows: (NoteRow & { display_name?: string | null })[],
  audience: Audience,
  lang: Lang,
  agencyName: string,
): TimelineEntry[] {
  return rows
    .filter((n) => visibleTo(audience, n))
    .map((n) => {
      const text = entryText(catalog, n, lang);
      const detail = (n.detail ?? {}) as Record<string, unknown>;
      const who =
        n.author === 'citizen' ? (audience === 'staff' ? 'Warga' : CITIZEN[lang]) : n.author === 'system' ? null : audience === 'staff' ? (n.display_name ?? n.author) : agencyName;
      return {
        id: String(n.id),
        kind: n.type as EntryKind,
        datetime: toCityIso(new Date(n.created_at)),
        visibility: n.visibility as Visibility,
        who,
        text: audience === 'public' ? redactPersonal(text) : text,
        ...(n.stage ? { stage: n.stage } : {}),
        ...(typeof detail.rating === 'number' ? { rating: detail.rating } : {}),
        ...(audience === 'staff' && n.lines ? { lines: n.lines } : {}),
      };
    });
}
