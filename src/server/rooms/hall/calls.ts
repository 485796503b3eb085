import { randomBytes } from 'node:crypto';
import {
  CALL_CONNECT_SECONDS,
  CALL_RING_SECONDS,
  CALL_SIGNALS_PER_10S,
  CALL_STARTS_PER_MINUTE,
  SERVER_EVENTS,
  type CallEnded,
  type CallEndReason,
  type CallRole,
  type ClientMessage,
} from '../../../shared/messages';
import { oneLine } from '../../net/refusalLog';
import type { CounterState } from '../schema/CounterState';
import { attachCallNotes, saveCall } from './callRecords';
import { officerCounter } from './roster';
import type { ActiveCall, CallRecord, HallClient, HallRoomLike } from './types';

/**
 * Voice at the counter (issue 14): the room carries WebRTC signalling (offer, answer, ICE
 * candidates, hang-up) between an officer and the citizen they called, and nobody else. The
 * audio goes peer to peer; the room only relays small, validated, rate-limited messages.
 */

/** Slack the server gives the browsers beyond their own 10-second connect limit. */
const SERVER_CONNECT_SLACK_SECONDS = 10;

interface Pair {
  counter: CounterState;
  role: CallRole;
  peer: string;
}

/** The conversation this connection is in (as its officer or its citizen), with the other side's session. */
function pairOf(room: HallRoomLike, client: HallClient): Pair | undefined {
  const own = officerCounter(room, client);
  if (own) return own.servingSessionId ? { counter: own, role: 'officer', peer: own.servingSessionId } : undefined;
  if (client.auth?.staff) return undefined;
  for (const counter of room.state.counters.values()) {
    if (counter.servingSessionId === client.sessionId && counter.officerSessionId) return { counter, role: 'citizen', peer: counter.officerSessionId };
  }
  return undefined;
}

/** The call this connection is part of, checked against the id it sent. */
function ownCall(room: HallRoomLike, client: HallClient, callId: string): { call: ActiveCall; role: CallRole; peer: string } | undefined {
  const pair = pairOf(room, client);
  const call = pair && room.calls.get(pair.counter.code);
  if (!pair || !call || call.id !== callId) return undefined;
  if (call.citizenSessionId !== (pair.role === 'citizen' ? client.sessionId : pair.peer)) return undefined;
  return { call, role: pair.role, peer: pair.peer };
}

function withinLimit(times: number[], windowMs: number, max: number): boolean {
  const now = Date.now();
  while (times.length > 0 && now - times[0] >= windowMs) times.shift();
  if (times.length >= max) return false;
  times.push(now);
  return true;
}

function sendBoth(room: HallRoomLike, call: ActiveCall, type: string, message: unknown): void {
  room.clientBySession(call.citizenSessionId)?.send(type, message);
  room.clientBySession(call.officerSessionId)?.send(type, message);
}

function refuseCall(room: HallRoomLike, client: HallClient, type: string, reason: string): void {
  room.ctx.refusals.write(`hall ${type} from ${client.sessionId}: ${reason}`);
  room.refuse(client, type, reason);
}

/** Either side presses Talk: the other side's phone rings. */
export function onCallStart(room: HallRoomLike, client: HallClient, m: ClientMessage<'callStart'>): void {
  const data = client.userData!;
  if (!withinLimit(data.callStarts, 60_000, CALL_STARTS_PER_MINUTE)) return refuseCall(room, client, 'callStart', 'too_fast');
  const pair = pairOf(room, client);
  if (!pair || !room.clientBySession(pair.peer)) return refuseCall(room, client, 'callStart', 'not_in_conversation');
  if (m.to !== pair.peer) return refuseCall(room, client, 'callStart', 'not_your_conversation');
  if (room.state.visitors.get(client.sessionId)?.muted) return refuseCall(room, client, 'callStart', 'muted');
  if (room.calls.has(pair.counter.code)) return refuseCall(room, client, 'callStart', 'call_running');
  const call: ActiveCall = {
    id: randomBytes(12).toString('base64url'),
    counter: pair.counter.code,
    citizenSessionId: pair.role === 'citizen' ? client.sessionId : pair.peer,
    officerSessionId: pair.role === 'officer' ? client.sessionId : pair.peer,
    citizen: pair.role === 'citizen' ? client : room.clientBySession(pair.peer)!,
    officer: pair.role === 'officer' ? client : room.clientBySession(pair.peer)!,
    caller: pair.role,
    startedAt: Date.now(),
  };
  call.timer = setTimeout(() => endCall(room, call.counter, 'no_answer', 'system'), CALL_RING_SECONDS * 1000);
  room.calls.set(call.counter, call);
  sendBoth(room, call, SERVER_EVENTS.callRinging, { callId: call.id, caller: call.caller });
}

/** The other side presses Talk too: the caller sends the offer. */
export function onCallAccept(room: HallRoomLike, client: HallClient, m: ClientMessage<'callAccept'>): void {
  const own = ownCall(room, client, m.callId);
  if (!own || own.call.acceptedAt || own.role === own.call.caller) return refuseCall(room, client, 'callAccept', 'no_call');
  const { call } = own;
  call.acceptedAt = Date.now();
  clearTimeout(call.timer);
  call.timer = setTimeout(() => {
    if (!call.connectedAt) endCall(room, call.counter, 'failed', 'system');
  }, (CALL_CONNECT_SECONDS + SERVER_CONNECT_SLACK_SECONDS) * 1000);
  sendBoth(room, call, SERVER_EVENTS.callAccepted, { callId: call.id, caller: call.caller });
}

/** An offer, an answer or a candidate goes to the other side of this call only. */
export function onCallSignal(room: HallRoomLike, client: HallClient, m: ClientMessage<'callSignal'>): void {
  if (!withinLimit(client.userData!.signalTimes, 10_000, CALL_SIGNALS_PER_10S)) return refuseCall(room, client, 'callSignal', 'too_fast');
  const own = ownCall(room, client, m.callId);
  if (!own || !own.call.acceptedAt) return refuseCall(room, client, 'callSignal', 'no_call');
  room.clientBySession(own.peer)?.send(SERVER_EVENTS.callSignal, m);
}

/** A browser says its peer connection is up: the talk time starts. */
export function onCallConnected(room: HallRoomLike, client: HallClient, m: ClientMessage<'callConnected'>): void {
  const own = ownCall(room, client, m.callId);
  if (!own || !own.call.acceptedAt) return refuseCall(room, client, 'callConnected', 'no_call');
  if (!own.call.connectedAt) {
    own.call.connectedAt = Date.now();
    clearTimeout(own.call.timer);
  }
}

export function onCallHangup(room: HallRoomLike, client: HallClient, m: ClientMessage<'callHangup'>): void {
  const own = ownCall(room, client, m.callId);
  if (!own) return refuseCall(room, client, 'callHangup', 'no_call');
  endCall(room, own.call.counter, m.reason ?? 'hangup', own.role);
}

/**
 * Ends the counter's call, if one runs: both sides are told, the call is kept for the figures,
 * and its note waits on the citizen for the conversation's case (or goes there now).
 */
export function endCall(room: HallRoomLike, counter: string, reason: CallEndReason, by: CallRole | 'system'): void {
  const call = room.calls.get(counter);
  if (!call) return;
  room.calls.delete(counter);
  clearTimeout(call.timer);
  const endedAt = Date.now();
  const seconds = call.connectedAt ? Math.round((endedAt - call.connectedAt) / 1000) : 0;
  const ended: CallEnded = { callId: call.id, reason, by, seconds };
  sendBoth(room, call, SERVER_EVENTS.callEnded, ended);
  const record: CallRecord = {
    id: call.id,
    counter: call.counter,
    caller: call.caller,
    startedAt: call.startedAt,
    acceptedAt: call.acceptedAt,
    connectedAt: call.connectedAt,
    endedAt,
    seconds,
    reason,
    by,
    officerAddress: call.officer.auth?.address,
  };
  const { citizen } = call;
  citizen.userData?.callNotes.push(record);
  void (async () => {
    await saveCall(room, record);
    await attachCallNotes(room, citizen);
  })().catch((error: unknown) => room.ctx.refusals.write(`hall call record failed: ${oneLine(error)}`));
}
