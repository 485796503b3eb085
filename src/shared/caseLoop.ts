import { z } from 'zod';
import { localizedSchema, type Localized } from './i18n';
import type { TranscriptLine } from './messages';

/**
 * The case loop (issue 12): one timeline per case, the citizen's private follow-up link,
 * passing cases between agencies, and the console's list views. One definition here for
 * server, client and tests.
 */

/** Kinds of timeline entries (request_notes.type). `status` and `transcript` predate the loop. */
export const ENTRY_KINDS = [
  'status', // the stage changed (with an optional public note)
  'note', // an older public note without a stage change
  'reply', // an officer's public reply
  'internal', // an officer's internal note (staff only)
  'citizen', // the citizen wrote through the private link
  'transfer', // the lead agency changed
  'support', // another agency was asked to help
  'assign', // a supervisor assigned an officer
  'reopen', // the citizen answered "Belum beres"
  'fixed', // the citizen answered "Sudah beres"
  'rating', // the citizen rated the service
  'escalation', // the case passed its due date and went to the supervisors
  'transcript', // a counter conversation attached with the citizen's consent
  'merge', // issue 13: staff merged a duplicate case into another (detail {from, into})
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** public: anyone with the tracking number; private: the link holder and staff; internal: staff only. */
export const VISIBILITIES = ['public', 'private', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Who sees each kind of entry: replies, stage changes and transfers are public; the citizen's own words (and answers) are not. */
export const ENTRY_VISIBILITY: Record<EntryKind, Visibility> = {
  status: 'public',
  note: 'public',
  reply: 'public',
  internal: 'internal',
  citizen: 'private',
  transfer: 'public',
  support: 'internal',
  assign: 'internal',
  reopen: 'private',
  fixed: 'private',
  rating: 'private',
  escalation: 'internal',
  transcript: 'internal',
  merge: 'public',
};

/** The longest reply, note or comment anyone may write into a timeline. */
export const MAX_ENTRY_TEXT = 2000;
/** Default days after resolution before the "is it fixed?" mail (per service in scenes/followup.json). */
export const DEFAULT_FIXED_QUESTION_DAYS = 7;

/** The citizen's private-link API; the secret travels in this header, never in a logged path. */
export const FOLLOWUP_API = '/api/followup';
export const FOLLOWUP_HEADER = 'x-followup-key';
/** The page a private link opens; the secret is in the fragment, so it never reaches a server log. */
export const FOLLOWUP_PAGE = '/ikuti';

export function followupUrl(base: string, secret: string): string {
  return `${base.replace(/\/$/, '')}${FOLLOWUP_PAGE}#${secret}`;
}

const text = (max = MAX_ENTRY_TEXT) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const citizenReplySchema = z.object({ text: text() }).strict();
export const citizenAnswerSchema = z.object({ fixed: z.boolean(), text: text().optional() }).strict();
export const ratingSchema = z
  .object({
    rating: z.number().int('a whole number from 1 to 5').min(1, 'from 1 to 5').max(5, 'from 1 to 5'),
    comment: text().optional(),
  })
  .strict();

export const staffEntrySchema = z.object({ text: text(), public: z.boolean() }).strict();
export const transferSchema = z.object({ agency: z.string().min(1).max(64), reason: text(500) }).strict();
export const supportSchema = z.object({ agency: z.string().min(1).max(64), reason: text(500) }).strict();
export const assignSchema = z.object({ username: z.string().min(1).max(64) }).strict();
/** Revoking a case's private link (a new one is issued; the old one answers 404). The reason goes to the audit trail. */
export const revokeLinkSchema = z.object({ reason: text(500).optional() }).strict();

/** The console's list views. */
export const CASE_VIEWS = ['all', 'mine', 'unhandled', 'overdue', 'reopened', 'support'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];
export const CASE_VIEW_LABELS: Record<CaseView, Localized> = {
  all: { id: 'Semua', en: 'All' },
  mine: { id: 'Milik saya', en: 'Mine' },
  unhandled: { id: 'Belum ditangani', en: 'Not handled yet' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
  reopened: { id: 'Dibuka kembali', en: 'Reopened' },
  support: { id: 'Diminta bantuan', en: 'Support asked' },
};

/** One entry of a timeline as the reader may see it. */
export interface TimelineEntry {
  id: string;
  kind: EntryKind;
  datetime: string;
  visibility: Visibility;
  /** Officer's display name, "Warga" for the citizen, null for the system. */
  who: string | null;
  text: string;
  stage?: string;
  rating?: number;
  /** A counter transcript's structured lines (staff only): speaker, time, text. */
  lines?: TranscriptLine[];
}

/** What the private link shows and allows. */
export interface FollowupView {
  service_request_id: string;
  service_name: string;
  agency: string;
  stage: string;
  stage_label: string;
  requested_datetime: string;
  expected_datetime: string | null;
  reopened: boolean;
  entries: TimelineEntry[];
  can_reply: boolean;
  /** Resolved and not yet answered since. */
  can_answer: boolean;
  can_rate: boolean;
  rating: number | null;
  mail: 'on' | 'off' | 'none';
  /**
   * Issue 13: the case's photos (the report's and the citizen's replies'), private to the link
   * holder: fetched from `${FOLLOWUP_API}/photos/{photo_id}` with the secret header.
   */
  photos?: { photo_id: string; from_reply: boolean }[];
}

/** Reply templates per service (scenes/followup.json). */
export const replyTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "-" or "_"'),
  title: localizedSchema,
  text: z.object({ id: z.string().min(1).max(MAX_ENTRY_TEXT), en: z.string().min(1).max(MAX_ENTRY_TEXT) }),
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

export const followupRulesSchema = z
  .object({
    /** Days after resolution before the "is it fixed?" mail. */
    fixed_question_days: z
      .object({ default: z.number().int().min(1).max(90).default(DEFAULT_FIXED_QUESTION_DAYS), services: z.record(z.string(), z.number().int().min(1).max(90)).default({}) })
      .strict()
      .default({ default: DEFAULT_FIXED_QUESTION_DAYS, services: {} }),
    /** Templates for every service, then per service code. */
    reply_templates: z
      .object({ default: z.array(replyTemplateSchema).default([]), services: z.record(z.string(), z.array(replyTemplateSchema)).default({}) })
      .strict()
      .default({ default: [], services: {} }),
  })
  .strict();
export type FollowupRules = z.infer<typeof followupRulesSchema>;

/** Public holidays and cuti bersama (scenes/holidays.json): WITA dates on which no working day is counted. */
export const holidaysSchema = z
  .object({
    source: z.string().min(1),
    years: z.record(
      z.string().regex(/^\d{4}$/),
      z
        .object({
          source: z.string().min(1),
          provisional: z.boolean().default(false),
          holidays: z.array(z.object({ date: z.string().regex(/^\d{4}-\d\d-\d\d$/), name: z.string().min(1), cuti_bersama: z.boolean().default(false) })),
        })
        .strict(),
    ),
  })
  .strict();
export type HolidaysFile = z.infer<typeof holidaysSchema>;
