/**
 * Names of the hall's parts, set as three.js object names on the object that holds each part,
 * so that a part can be found in the scene as a whole: the world bench hides one at a time
 * (StatsProbe's hideParts) to measure what each costs to draw.
 */
export const PART = {
  floor: 'floor',
  walls: 'walls',
  lights: 'lights',
  desks: 'desks',
  officers: 'officers',
  visitors: 'visitors',
  player: 'player',
  texts: 'texts',
} as const;

export type PartName = (typeof PART)[keyof typeof PART];

export const PART_NAMES: readonly PartName[] = Object.values(PART);
