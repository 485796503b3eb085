import type { Kysely } from 'kysely';
import type { Stage } from '../../shared/stages';
import type { CaseRules } from '../catalog/loadCaseRules';
import type { ServerConfig } from '../config';
import { setStage, type RequestRow } from '../db/requestStore';
import type { Database } from '../db/schema';
import { addEntry, enqueueMail } from './timeline';

const DAY_MS = 86_400_000;

export interface CaseDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  caseRules: CaseRules;
}

/** A case action that cannot happen as asked; the route answers with `status` and this message. */
export class CaseError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** When the "is it fixed?" mail goes out after a resolution. */
export function fixedQuestionAt(deps: CaseDeps, serviceCode: string, now: Date): Date {
  const seconds = deps.config.fixedQuestionDelaySeconds ?? deps.caseRules.fixedQuestionDays(serviceCode) * (DAY_MS / 1000);
  return new Date(now.getTime() + seconds * 1000);
}

/**
 * Moves a case to another stage with an optional public note (mailed), and after a
 * resolution queues the "is it fixed?" question; one transaction, so the row and its mails
 * commit together. The caller checks that the move is allowed.
 */
export async function moveStage(
  deps: CaseDeps,
  id: string,
  stage: Stage,
  note: string | null,
  who: { username: string; staffId: string | null },
  now = new Date(),
): Promise<RequestRow> {
  return deps.db.transaction().execute(async (tx) => {
    const request = await setStage(tx, id, stage, now);
    const entry = await addEntry(tx, { id, kind: 'status', stage, text: note, author: who.username, staffId: who.staffId, now });
    if (stage === 'done') {
      await enqueueMail(tx, { id, kind: 'fixed_question', eventKey: `fixed_question:${entry.id}`, noteId: entry.id, notBefore: fixedQuestionAt(deps, request.service_code, now), now });
    }
    return request;
  });
}

/** The state of the citizen's answers since the latest resolution, read from the timeline. */
export async function answerState(db: Kysely<Database>, c: Pick<RequestRow, 'service_request_id' | 'stage'>): Promise<{ canAnswer: boolean; canRate: boolean; rating: number | null }> {
  const rows = await db
    .selectFrom('request_notes')
    .select(['id', 'type', 'stage', 'detail'])
    .where('service_request_id', '=', c.service_request_id)
    .where('type', 'in', ['status', 'fixed', 'reopen', 'rating'])
    .orderBy('id')
    .execute();
  let lastDone = -1;
  rows.forEach((r, i) => {
    if (r.type === 'status' && r.stage === 'done') lastDone = i;
  });
  const after = lastDone >= 0 ? rows.slice(lastDone + 1) : [];
  const answered = after.some((r) => r.type === 'fixed' || r.type === 'reopen');
  const fixed = after.some((r) => r.type === 'fixed');
  const rated = [...rows].reverse().find((r) => r.type === 'rating');
  const ratedThisRound = after.some((r) => r.type === 'rating');
  return {
    canAnswer: c.stage === 'done' && lastDone >= 0 && !answered,
    canRate: c.stage === 'done' && fixed && !ratedThisRound,
    rating: rated ? Number((rated.detail as Record<string, unknown>).rating) || null : null,
  };
}
