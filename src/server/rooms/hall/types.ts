import type { Client } from '@colyseus/core';
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
}

export interface AuthData {
  staff?: StaffProfile;
}

export type HallClient = Client<UserData, AuthData>;
