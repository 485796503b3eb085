import { ArraySchema, Schema, type } from '@colyseus/schema';
import { QueueEntry } from './QueueEntry';

/** A counter's live state: who is on duty, the queue, and who is being served. */
export class CounterState extends Schema {
  @type('string') code = '';
  /** Display name of the officer on duty; empty means self-service. */
  @type('string') officer = '';
  @type('string') officerSessionId = '';
  /** The officer dropped and may come back within the grace period. */
  @type('boolean') officerAway = false;
  @type([QueueEntry]) queue = new ArraySchema<QueueEntry>();
  @type('string') serving = '';
  @type('string') servingSessionId = '';
  /** Average seconds per citizen, for the estimated wait. */
  @type('uint16') avgServiceSeconds = 240;
  @type('uint16') nextNumber = 1;
}
