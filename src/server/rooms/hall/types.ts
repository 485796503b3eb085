import type { Client } from '@colyseus/core';
import type { AppContext } from '../../http/context';
import type { HallState } from '../schema/HallState';
import type { CallEndReason, CallRole, ChatLine } from '../../../shared/messages';
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
  /** Cases the serving officer filed for this citizen in the current conversation (they may receive its transcript). */
  offeredCases?: string[];
  /** Voice: when this connection started calls and sent signalling lately (rate limits). */
  callStarts: number[];
  signalTimes: number[];
  /** Voice: notes of finished calls waiting for the conversation's case (citizens only). */
  callNotes: CallRecord[];
}

/** A voice call running in one conversation (server-side only; the media goes peer to peer). */
export interface ActiveCall {
  id: string;
  counter: string;
  citizenSessionId: string;
  officerSessionId: string;
  /** The two connections (kept: a leaving client is no longer in the room's list, its note still goes on the case). */
  citizen: HallClient;
  officer: HallClient;
  caller: CallRole;
  startedAt: number;
  acceptedAt?: number;
  connectedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** A finished call, as the case note and the figures keep it. No recording, no names. */
export interface CallRecord {
  id: string;
  counter: string;
  caller: CallRole;
  startedAt: number;
  acceptedAt?: number;
  connectedAt?: number;
  endedAt: number;
  seconds: number;
  reason: CallEndReason;
  by: CallRole | 'system';
  /** The serving officer's address (memory only): a case they filed during the conversation gets the note. */
  officerAddress?: string;
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
  /** Voice calls running, by counter code (one per conversation). */
  readonly calls: Map<string, ActiveCall>;
  readonly clients: { filter(predicate: (client: Client) => boolean): Client[] };
  clientBySession(sessionId: string): HallClient | undefined;
  refuse(client: Client, type: string, reason: string): void;
  ticketPrefix(code: string): string;
  recheckStaff(client: HallClient): Promise<void>;
  allowReconnection(client: Client, seconds: number): PromiseLike<Client> & { reject?: unknown };
  /**
   * Officers' connections in their grace period, by session id: how to end that period at once
   * when the same staff member joins again (a reload) and takes the counter over.
   */
  readonly awaitingReturn: Map<string, { staffId: string; supersede(): void }>;
}
