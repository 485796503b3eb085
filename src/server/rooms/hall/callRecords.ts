import { toCityIso } from '../../../shared/datetime';
import { addEntry } from '../../cases/timeline';
import type { CallRecord, HallClient, HallRoomLike } from './types';

/* What a finished voice call leaves behind: one row for the figures and one internal note on the case. No recording. */

/** "3 menit 12 detik", "45 detik". */
export function durationText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} menit ${s} detik` : `${s} detik`;
}

const BY: Record<CallRecord['by'], string> = { citizen: 'warga', officer: 'petugas', system: 'sistem' };
const wita = (ms: number) => `${toCityIso(new Date(ms)).slice(11, 19)} WITA`;

/** The note staff read on the case: "Panggilan suara 3 menit 12 detik (mulai …, selesai …, diakhiri oleh petugas)". */
export function callNoteText(call: CallRecord): string {
  const what = call.connectedAt ? `Panggilan suara ${durationText(call.seconds)}` : 'Panggilan suara tidak tersambung';
  return `${what} (mulai ${wita(call.startedAt)}, selesai ${wita(call.endedAt)}, diakhiri oleh ${BY[call.by]}). Tidak direkam.`;
}

/** Keeps the call for the figures (no person in it: counter, times, who ended it). */
export async function saveCall(room: HallRoomLike, call: CallRecord): Promise<void> {
  await room.ctx.db
    .insertInto('calls')
    .values({
      id: call.id,
      counter: call.counter,
      caller: call.caller,
      started_at: new Date(call.startedAt),
      accepted_at: call.acceptedAt ? new Date(call.acceptedAt) : null,
      connected_at: call.connectedAt ? new Date(call.connectedAt) : null,
      ended_at: new Date(call.endedAt),
      seconds: call.seconds,
      end_reason: call.reason,
      ended_by: call.by,
    })
    .execute();
}

/**
 * The case this conversation produced: one filed during it (from the citizen's or the serving
 * officer's address) at this counter's agency, or at the general counter. Newest first.
 */
async function conversationCase(room: HallRoomLike, citizen: HallClient, call: CallRecord): Promise<string | undefined> {
  const since = citizen.userData?.conversationSince;
  if (since === undefined) return undefined;
  const counter = call.counter;
  const addresses = [citizen.auth?.address, call.officerAddress].filter((a): a is string => Boolean(a));
  const general = new Set(room.ctx.catalog.agencies.filter((a) => a.general).map((a) => a.code));
  for (const id of room.ctx.hallGate.filedSince(addresses, since)) {
    const row = await room.ctx.db.selectFrom('service_requests').select('agency_code').where('service_request_id', '=', id).executeTakeFirst();
    if (row && (row.agency_code === counter || general.has(counter) || general.has(row.agency_code))) return id;
  }
  return undefined;
}

/**
 * Puts the citizen's finished calls on a case as internal staff notes: the given case (the one
 * the transcript went to) or the case filed during the conversation. Calls stay waiting otherwise.
 */
export async function attachCallNotes(room: HallRoomLike, citizen: HallClient, caseId?: string): Promise<void> {
  const data = citizen.userData;
  if (!data || data.callNotes.length === 0) return;
  const id = caseId ?? (await conversationCase(room, citizen, data.callNotes[0]));
  if (!id) return;
  const calls = data.callNotes.splice(0);
  for (const call of calls) {
    await addEntry(room.ctx.db, {
      id,
      kind: 'internal',
      text: callNoteText(call),
      author: 'system',
      detail: {
        call: {
          counter: call.counter,
          started_at: new Date(call.startedAt).toISOString(),
          ended_at: new Date(call.endedAt).toISOString(),
          seconds: call.seconds,
          connected: Boolean(call.connectedAt),
          ended_by: call.by,
          reason: call.reason,
        },
      },
    });
  }
}
