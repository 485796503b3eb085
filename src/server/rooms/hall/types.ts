import type { Client } from '@colyseus/core';
import type { AppContext } from '../../http/context';
import type { HallState } from '../schema/HallState';
import type { ChatLine } from '../../../shared/messages';
import type { StaffProfile } from '../../../shared/staff';

/** What the room keeps about each connection, server-side only. */
export interface UserData {
  lastMoveAt: number;
  chatTimes: number[];
  /** The counter the citizen queues at or is served by. */
  counter?: string;
  /** The conversation so far (and the last one, until it is attached or the citizen leaves). */
  transcript: ChatLine[];
  transcriptCounter?: string;
  /** Removed by a supervisor: no reconnection window. */
  removed?: boolean;
  /** A projector or big screen watching the hall: no avatar, not counted, every message refused. */
  spectator?: boolean;
  /** The name the citizen chose; the state shows only initials while they queue or are served. */
  fullName: string;
  /** When this citizen took queue numbers lately (a per-visitor limit). */
  queueTimes: number[];
  /** When the current conversation began (a case filed after it may receive the transcript). */
  conversationSince?: number;
}

export interface AuthData {
  staff?: StaffProfile;
  /** The staff session token, re-checked while connected and on reconnect (server-side only). */
  token?: string;
  /** The address key (IPv6 by /64) the limits count under. */
  address: string;
  /** The browser's device id, when it sent one. */
  device?: string;
  /** A supervisor's mute remembered for this visitor (looked up when they joined). */
  muted?: boolean;
}

export type HallClient = Client<UserData, AuthData>;

/**
 * What the concern modules need of the room (HallRoom implements it): they take this, not the
 * class, so no module imports HallRoom back.
 */
export interface HallRoomLike {
  readonly ctx: AppContext;
  readonly state: HallState;
  readonly officerStaff: Map<string, string>;
  readonly clients: { filter(predicate: (client: Client) => boolean): Client[] };
  clientBySession(sessionId: string): HallClient | undefined;
  refuse(client: Client, type: string, reason: string): void;
  ticketPrefix(code: string): string;
  recheckStaff(client: HallClient): Promise<void>;
  allowReconnection(client: Client, seconds: number): PromiseLike<Client>;
}
