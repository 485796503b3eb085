import { Schema, type } from '@colyseus/schema';

/** A queue number at a live counter. */
export class QueueEntry extends Schema {
  @type('string') ticket = '';
  @type('string') sessionId = '';
  @type('float64') since = 0;
  /** Server only (not synced): the address key holding this number, for the per-address limit. */
  address = '';
}
