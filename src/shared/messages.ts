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
} as const;

export type ClientMessageType = keyof typeof clientMessages;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof clientMessages)[T]>;

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
  /** Something you sent was refused: { type, reason } */
  refused: 'refused',
  /** A supervisor muted/removed you: { action } */
  moderated: 'moderated',
  /** Your staff session ended (logout, account disabled, expiry): you are no longer on duty. { reason } */
  sessionEnded: 'sessionEnded',
  /** A supervisor cleared your place in a queue: { counter }; to that supervisor: { counter, cleared } */
  queueCleared: 'queueCleared',
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
