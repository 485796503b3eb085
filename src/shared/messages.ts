import { z } from 'zod';

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
  attachTranscript: z.object({ service_request_id: z.string().min(1).max(40) }),
  /** Officer: call the next citizen in the counter's queue. */
  callNext: z.object({}).strict(),
  /** Officer: end the current conversation. */
  endService: z.object({}).strict(),
  /** Supervisor: mute or remove a visitor. */
  moderate: z.object({ sessionId: z.string().min(1).max(64), action: z.enum(['mute', 'unmute', 'remove']) }),
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
} as const;

export interface ChatLine {
  from: 'citizen' | 'officer';
  name: string;
  text: string;
  at: string;
}

/** Options a client passes when joining the hall. */
export const joinOptionsSchema = z.object({
  name: z.string().trim().max(24).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  /** Staff join with their session (cookie in the browser, or this token for bots and tests). */
  staffToken: z.string().max(200).optional(),
  /** A projector or big screen: receives the hall's state but is no visitor (not drawn, not counted, sends nothing). */
  spectator: z.boolean().optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;
