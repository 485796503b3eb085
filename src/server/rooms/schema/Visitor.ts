import { Schema, type } from '@colyseus/schema';

/** One avatar in the hall; positions in centimetres, heading in centiradians. */
export class Visitor extends Schema {
  @type('string') name = '';
  @type('string') color = '#2f80ed';
  @type('int16') x = 0;
  @type('int16') z = 0;
  @type('int16') h = 0;
  @type('string') a = 'idle';
  /** Staff members show a badge; officers on duty stand behind their counter. */
  @type('string') role = 'citizen';
  @type('boolean') muted = false;
}
