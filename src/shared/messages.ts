import { z } from 'zod';
import './zodSetup';

/**
 * The hall room's messages, one definition for client, server and tests. Positions travel
 * quantised (centimetres, heading in 1/100 rad); chat and ticket events are messages, not state.
 */
export const HALL_ROOM = 'hall';
/** Visitors per hall instance; a full hall opens another instance. */
export const HALL_CAPACITY = 500;
/** Clients send at most this many moves per second; the server drops the excess. */
export const MOVE_HZ = 10;
/** How fast an avatar may walk, metres per second (with slack for jitter). */
export const MAX_SPEED = 6;
/** How long an officer who dropped keeps the counter before it returns to self-service. */
export const OFFICER_GRACE_SECONDS = 60;
export const MAX_CHAT = 500;
/** How long a supervisor's removal or mute is remembered by default, and at most. */
export const DEFAULT_SANCTION_MINUTES = 60;
export const MAX_SANCTION_MINUTES = 7 * 24 * 60;
export const CHAT_PER_10S = 8;
/** Voice calls (issue 14): the longest SDP, ICE candidate line and call id the room relays. */
export const MAX_SDP = 12_000;
export const MAX_ICE_CANDIDATE = 1_000;
/** The largest WebSocket frame the hall accepts (an SDP offer with room to spare); a bigger one closes the connection. */
export const MAX_FRAME_BYTES = 20 * 1024;
/** Signalling messages (offer, answer, candidates) one connection may send in 10 s. */
export const CALL_SIGNALS_PER_10S = 60;
/** Calls one connection may start in a minute. */
export const CALL_STARTS_PER_MINUTE = 4;
/** A call not answered in this time ends as unanswered; one answered but not connected in CALL_CONNECT_SECONDS fails. */
export const CALL_RING_SECONDS = 60;
export const CALL_CONNECT_SECONDS = 10;

const callId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

export const ANIMATIONS = ['idle', 'walk'] as const;

const int16 = z.number().int().min(-32768).max(32767);

/** Client → server. */
export const clientMessages = {
  /** Position in centimetres and heading in centiradians. */
  move: z.object({ x: int16, z: int16, h: z.number().int().min(-315).max(315), a: z.enum(ANIMATIONS) }),
  /** Take a queue number at a live counter. */
  queueTake: z.object({ counter: z.string().min(1).max(64) }),
  queueLeave: z.object({}).strict(),
  /** A chat line to the one you are talking with (citizen ↔ officer). */
  chat: z.object({ text: z.string().trim().min(1).max(MAX_CHAT) }),
  /** The citizen agrees that the conversation is attached to their case as a note. */
  attachTranscript: z.object({
    service_request_id: z.string().min(1).max(40),
    /** The case's private secret (given to whoever filed it); needed unless it was filed in this conversation. */
    secret: z.string().max(100).optional(),
  }),
  /** Officer: hand the citizen being served the case just filed on their behalf (ticket, QR and private link in the chat). */
  offerCase: z.object({ service_request_id: z.string().min(1).max(40) }),
  /** Officer: call the next citizen in the counter's queue. */
  callNext: z.object({}).strict(),
  /** Officer: end the current conversation. */
  endService: z.object({}).strict(),
  /** Supervisor: mute or remove a visitor; the hall remembers it (device and address) for `minutes`. */
  moderate: z.object({
    sessionId: z.string().min(1).max(64),
    action: z.enum(['mute', 'unmute', 'remove']),
    minutes: z.number().int().min(1).max(MAX_SANCTION_MINUTES).optional(),
  }),
  /** Supervisor: empty a counter's queue of abusers (`repeated`: every number from an address holding more than one) or of everyone. */
  clearQueue: z.object({ counter: z.string().min(1).max(64), scope: z.enum(['repeated', 'all']) }),
  /**
   * Voice (issue 14): ring the one you are talking with (`to`: their session id). Only the
   * officer and the citizen they called may; one call per conversation at a time.
   */
  callStart: z.object({ to: z.string().min(1).max(64) }).strict(),
  /** Answer a ringing call (the other side pressed Talk first). */
  callAccept: z.object({ callId }).strict(),
  /** WebRTC signalling, relayed to the other side of the call only. */
  callSignal: z.discriminatedUnion('kind', [
    z.object({ callId, kind: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(MAX_SDP) }).strict(),
    z
      .object({
        callId,
        kind: z.literal('ice'),
        candidate: z
          .object({
            candidate: z.string().max(MAX_ICE_CANDIDATE),
            sdpMid: z.string().max(64).nullable().optional(),
            sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
            usernameFragment: z.string().max(256).nullable().optional(),
          })
          .strict(),
      })
      .strict(),
  ]),
  /** This side's RTCPeerConnection reached "connected" (the call's talk time starts). */
  callConnected: z.object({ callId }).strict(),
  /** Hang up; `failed`: the browser could not connect in time; `no_mic`: the microphone was refused. */
  callHangup: z.object({ callId, reason: z.enum(['hangup', 'failed', 'no_mic']).optional() }).strict(),
} as const;

/** The voice-call messages: an invalid one is answered with a refusal, not dropped silently. */
export const CALL_MESSAGES: readonly ClientMessageType[] = ['callStart', 'callAccept', 'callSignal', 'callConnected', 'callHangup'];
export type CallRole = 'citizen' | 'officer';
/** Why a call ended, as the room tells both sides and the figures count it. */
export const CALL_END_REASONS = ['hangup', 'failed', 'no_mic', 'no_answer', 'next_called', 'citizen_left', 'officer_left', 'officer_ended', 'conversation_ended'] as const;
export type CallEndReason = (typeof CALL_END_REASONS)[number];
export interface CallEnded {
  callId: string;
  reason: CallEndReason;
  /** Who ended it: a side, or `system` (timeouts, the conversation ended). */
  by: CallRole | 'system';
  /** Talk time in whole seconds (0 when it never connected). */
  seconds: number;
}
export type CallSignal = z.infer<(typeof clientMessages)['callSignal']>;

export type ClientMessageType = keyof typeof clientMessages;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof clientMessages)[T]>;

/**
 * The move as 7 bytes (`room.sendBytes(MOVE_BYTES, encodeMove(…))`): x, z and h as int16
 * little-endian, then the animation's index in ANIMATIONS. The same fields and limits as the
 * `move` message (still accepted), without msgpack or a schema to run: moves are by far the
 * hall's most frequent message (every visitor, MOVE_HZ a second).
 */
export const MOVE_BYTES = 'mv';
export const MOVE_BYTE_LENGTH = 7;

/** Writes a move into `out` (7 bytes, reused by the caller) and returns it. */
export function encodeMove(m: ClientMessage<'move'>, out = new Uint8Array(MOVE_BYTE_LENGTH)): Uint8Array {
  const view = new DataView(out.buffer, out.byteOffset, MOVE_BYTE_LENGTH);
  view.setInt16(0, m.x, true);
  view.setInt16(2, m.z, true);
  view.setInt16(4, m.h, true);
  view.setUint8(6, ANIMATIONS.indexOf(m.a));
  return out;
}

/** Reads a move, or undefined when the bytes are not one (wrong length, heading or animation out of range). */
export function decodeMove(bytes: Uint8Array): ClientMessage<'move'> | undefined {
  if (bytes.byteLength !== MOVE_BYTE_LENGTH) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, MOVE_BYTE_LENGTH);
  const h = view.getInt16(4, true);
  const a = ANIMATIONS[view.getUint8(6)];
  if (h < -315 || h > 315 || a === undefined) return undefined;
  return { x: view.getInt16(0, true), z: view.getInt16(2, true), h, a };
}

/** Server → client message types. */
export const SERVER_EVENTS = {
  /** You are being served: { counter, ticket, officer } */
  called: 'called',
  /** A chat line: { from: 'citizen' | 'officer', name, text, at } */
  chat: 'chat',
  /** The conversation ended: { counter, reason } */
  ended: 'ended',
  /** The counter went back to self-service while you queued: { counter } */
  counterClosed: 'counterClosed',
  /** A transcript was attached to a case: { service_request_id } */
  attached: 'attached',
  /**
   * A case the officer filed for you in this conversation: { counter, service_request_id,
   * private_link } to the citizen being served (only them); the officer gets it without the link.
   */
  caseOffered: 'caseOffered',
  /** Something you sent was refused: { type, reason } */
  refused: 'refused',
  /** A supervisor muted/removed you: { action } */
  moderated: 'moderated',
  /** Your staff session ended (logout, account disabled, expiry): you are no longer on duty. { reason } */
  sessionEnded: 'sessionEnded',
  /** A supervisor cleared your place in a queue: { counter }; to that supervisor: { counter, cleared } */
  queueCleared: 'queueCleared',
  /** Voice: a call is ringing in your conversation: { callId, caller: 'citizen' | 'officer' } */
  callRinging: 'callRinging',
  /** Voice: the call was answered; the caller sends the offer: { callId, caller } */
  callAccepted: 'callAccepted',
  /** Voice: signalling from the other side: a callSignal message as sent */
  callSignal: 'callSignal',
  /** Voice: the call ended: CallEnded */
  callEnded: 'callEnded',
} as const;

export interface ChatLine {
  from: 'citizen' | 'officer';
  name: string;
  text: string;
  at: string;
}

/** One line of an attached transcript as stored on the case: who said it, when (ISO, UTC), what. */
export const transcriptLineSchema = z.object({
  from: z.enum(['citizen', 'officer']),
  name: z.string().max(64),
  at: z.string().max(40),
  text: z.string().max(MAX_CHAT),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

/** Options a client passes when joining the hall. */
export const joinOptionsSchema = z.object({
  /** Cleaned and checked by the server (src/shared/names.ts); staff-like names are replaced. */
  name: z.string().max(200).optional(),
  /** A random id the browser keeps: a visit is counted once per device, and moderation remembers it. */
  device: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  /** Staff join with their session (cookie in the browser, or this token for bots and tests). */
  staffToken: z.string().max(200).optional(),
  /** A projector or big screen: receives the hall's state but is no visitor (not drawn, not counted, sends nothing). */
  spectator: z.boolean().optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;
