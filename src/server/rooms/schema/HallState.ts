import { MapSchema, Schema, type } from '@colyseus/schema';
import { CounterState } from './CounterState';
import { Visitor } from './Visitor';

export class HallState extends Schema {
  /** Which instance of the hall this is (a full hall opens another). */
  @type('uint8') instance = 1;
  @type({ map: Visitor }) visitors = new MapSchema<Visitor>();
  @type({ map: CounterState }) counters = new MapSchema<CounterState>();
}
