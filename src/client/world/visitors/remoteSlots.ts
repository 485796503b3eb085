import { MOVE_HZ } from '../../../shared/messages';

/**
 * Pure bookkeeping for drawing other visitors from network reports: which instance slot
 * each one uses, their smoothed (drawn) positions, walk cycle, look, and which of them
 * carry a name tag. Typed arrays sized once; nothing here allocates per frame.
 */

/** What the network reports about one visitor (see src/client/net/remoteVisitors.ts). */
export interface RemoteReport {
  name: string;
  color: string;
  role: string;
  x: number;
  z: number;
  h: number;
  anim: string;
  at: number;
}

/** A desk's officer position: remote officers standing here are drawn by `Officers`. */
export interface OfficerPost {
  officerX: number;
  officerZ: number;
}

/** Reports arrive every 100 ms; a little longer bridges jitter without stopping. */
export const INTERPOLATE_MS = 1000 / MOVE_HZ + 15;
/** A jump further than this (metres) is a teleport: snap, do not slide through walls. */
export const SNAP_DISTANCE = 3;
/** Time constant (s) of the heading's turn towards the reported heading. */
export const TURN_TAU = 0.1;
/** A remote officer this close (metres) to a desk's officer spot is that desk's officer. */
export const ON_DUTY_RADIUS = 1;

export interface RemoteSlots {
  readonly capacity: number;
  /** Slots in use, 0..count-1. */
  count: number;
  /** remoteVisitors.version these slots were built from; -1 = never. */
  version: number;
  ids: string[];
  entries: (RemoteReport | null)[];
  /** Drawn position and heading. */
  x: Float32Array;
  z: Float32Array;
  h: Float32Array;
  /** Drawn position when the current report arrived, and when (ms). */
  fromX: Float32Array;
  fromZ: Float32Array;
  startAt: Float64Array;
  /** `at` of the report being interpolated towards; NaN = none yet (snap). */
  lastAt: Float64Array;
  /** Drawn speed (m/s), walk-cycle phase and leg swing amplitude (0..1). */
  speed: Float32Array;
  stride: Float32Array;
  swing: Float32Array;
  /** 1 = wears a hijab (drawn by the hijab mesh), 0 = hair. */
  hijab: Uint8Array;
  skin: Uint8Array;
  hijabColor: Uint8Array;
  /** 1 = not drawn (an on-duty officer already drawn at the desk). */
  hidden: Uint8Array;
}

export function createRemoteSlots(capacity: number): RemoteSlots {
  return {
    capacity,
    count: 0,
    version: -1,
    ids: [],
    entries: [],
    x: new Float32Array(capacity),
    z: new Float32Array(capacity),
    h: new Float32Array(capacity),
    fromX: new Float32Array(capacity),
    fromZ: new Float32Array(capacity),
    startAt: new Float64Array(capacity),
    lastAt: new Float64Array(capacity).fill(Number.NaN),
    speed: new Float32Array(capacity),
    stride: new Float32Array(capacity),
    swing: new Float32Array(capacity),
    hijab: new Uint8Array(capacity),
    skin: new Uint8Array(capacity),
    hijabColor: new Uint8Array(capacity),
    hidden: new Uint8Array(capacity),
  };
}

/** FNV-1a: a stable look for the same name and colour on every screen. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Rebuilds the slots from the current set of visitors (call when `version` changed).
 * Visitors already drawn keep their order and their smoothed state, newcomers are
 * appended; beyond `capacity` the rest are not drawn. Returns whether anything changed.
 */
export function reslot(
  s: RemoteSlots,
  byId: ReadonlyMap<string, RemoteReport>,
  version: number,
  looks: { skins: number; hijabColors: number },
): boolean {
  if (s.version === version) return false;
  s.version = version;
  const old = new Map<string, number>();
  s.ids.forEach((id, i) => old.set(id, i));
  const order: string[] = s.ids.filter((id) => byId.has(id));
  for (const id of byId.keys()) if (!old.has(id)) order.push(id);
  if (order.length > s.capacity) order.length = s.capacity;

  // Snapshot the carried state before overwriting it in place.
  const keep = ['x', 'z', 'h', 'fromX', 'fromZ', 'startAt', 'lastAt', 'speed', 'stride', 'swing'] as const;
  const prev = Object.fromEntries(keep.map((k) => [k, s[k].slice(0, s.count)])) as { [K in (typeof keep)[number]]: RemoteSlots[K] };

  order.forEach((id, i) => {
    const e = byId.get(id) ?? null;
    const was = old.get(id);
    if (was !== undefined) {
      for (const k of keep) s[k][i] = prev[k][was];
    } else {
      s.lastAt[i] = Number.NaN;
      s.speed[i] = 0;
      s.swing[i] = 0;
      s.stride[i] = 0;
      if (e) {
        s.x[i] = e.x;
        s.z[i] = e.z;
        s.h[i] = e.h;
      }
    }
    const hash = hashString(`${e?.name ?? ''}|${e?.color ?? ''}|${id}`);
    s.hijab[i] = hash % 5 < 2 ? 1 : 0;
    s.skin[i] = (hash >>> 4) % looks.skins;
    s.hijabColor[i] = (hash >>> 9) % looks.hijabColors;
    s.hidden[i] = 0;
  });
  s.ids = order;
  s.entries = order.map((id) => byId.get(id) ?? null);
  s.count = order.length;
  return true;
}

const wrapAngle = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

/**
 * Moves slot i's drawn position towards its latest report: linearly from where it was
 * drawn when the report arrived to the reported point over one report interval, so
 * motion stays continuous at 10 Hz reports. Turns the heading, advances the walk cycle.
 * `now` in ms (performance.now()), `dt` in seconds.
 */
export function stepSlot(s: RemoteSlots, i: number, now: number, dt: number): void {
  const e = s.entries[i];
  if (!e) return;
  const px = s.x[i];
  const pz = s.z[i];
  if (e.at !== s.lastAt[i]) {
    const first = Number.isNaN(s.lastAt[i]);
    s.lastAt[i] = e.at;
    if (first || Math.hypot(e.x - px, e.z - pz) > SNAP_DISTANCE) {
      s.x[i] = s.fromX[i] = e.x;
      s.z[i] = s.fromZ[i] = e.z;
      s.h[i] = e.h;
      s.startAt[i] = now - INTERPOLATE_MS;
      s.speed[i] = 0;
      return;
    }
    s.fromX[i] = px;
    s.fromZ[i] = pz;
    s.startAt[i] = now;
  }
  const t = Math.min(1, Math.max(0, (now - s.startAt[i]) / INTERPOLATE_MS));
  s.x[i] = s.fromX[i] + (e.x - s.fromX[i]) * t;
  s.z[i] = s.fromZ[i] + (e.z - s.fromZ[i]) * t;
  if (dt > 0) {
    const v = Math.hypot(s.x[i] - px, s.z[i] - pz) / dt;
    // Smooth the measured speed so the legs do not flicker between reports.
    s.speed[i] += (v - s.speed[i]) * (1 - Math.exp(-dt / 0.15));
    s.h[i] = wrapAngle(s.h[i] + wrapAngle(e.h - s.h[i]) * (1 - Math.exp(-dt / TURN_TAU)));
  }
  const walking = e.anim === 'walk' || s.speed[i] > 0.3;
  const pace = walking ? Math.max(s.speed[i], 1.2) : s.speed[i];
  s.stride[i] = (s.stride[i] + pace * dt * 3.2) % (Math.PI * 2);
  const wantSwing = walking ? Math.min(1, pace / 2) : 0;
  s.swing[i] += (wantSwing - s.swing[i]) * (1 - Math.exp(-dt / 0.12));
}

/** Whether slot i still moves on screen: gliding to its last report, its legs swinging, or turning. */
export function slotMoving(s: RemoteSlots, i: number, now: number): boolean {
  return s.hidden[i] !== 1 && (now - s.startAt[i] < INTERPOLATE_MS || s.speed[i] > 0.05 || s.swing[i] > 0.01);
}

/** Marks remote officers standing at a desk's officer spot as hidden (the desk draws them). */
export function hideOnDutyOfficers(s: RemoteSlots, posts: readonly OfficerPost[], radius = ON_DUTY_RADIUS): void {
  const r2 = radius * radius;
  for (let i = 0; i < s.count; i++) {
    const e = s.entries[i];
    let hide = 0;
    if (e && e.role === 'officer') {
      for (let k = 0; k < posts.length; k++) {
        const dx = e.x - posts[k].officerX;
        const dz = e.z - posts[k].officerZ;
        if (dx * dx + dz * dz <= r2) {
          hide = 1;
          break;
        }
      }
    }
    s.hidden[i] = hide;
  }
}

/**
 * Up to `out.length` drawn slots nearest to (px, pz) within `maxDistance`, nearest first,
 * written to `out`; returns how many. `dist2` is scratch space of the same length.
 */
export function nearestSlots(s: RemoteSlots, px: number, pz: number, maxDistance: number, out: Int32Array, dist2: Float32Array): number {
  const max = out.length;
  let n = 0;
  const limit = maxDistance * maxDistance;
  for (let i = 0; i < s.count; i++) {
    if (s.hidden[i] || !s.entries[i]) continue;
    const d = (s.x[i] - px) ** 2 + (s.z[i] - pz) ** 2;
    if (d > limit || (n === max && d >= dist2[n - 1])) continue;
    let j = n < max ? n++ : n - 1;
    while (j > 0 && dist2[j - 1] > d) {
      out[j] = out[j - 1];
      dist2[j] = dist2[j - 1];
      j--;
    }
    out[j] = i;
    dist2[j] = d;
  }
  return n;
}

/**
 * Gives name tags to the `n` slots in `nearest`, keeping each tag on the visitor it
 * already labels (no text re-layout when the order shuffles). `tagIds[k]` is the visitor
 * id on tag k ('' = free), `tagSlot[k]` its slot (-1 = free). Returns whether any tag
 * changed owner.
 */
export function assignTags(s: RemoteSlots, nearest: Int32Array, n: number, tagIds: string[], tagSlot: Int32Array): boolean {
  let changed = false;
  for (let k = 0; k < tagIds.length; k++) {
    tagSlot[k] = -1;
    if (tagIds[k] === '') continue;
    for (let j = 0; j < n; j++) {
      if (s.ids[nearest[j]] === tagIds[k]) {
        tagSlot[k] = nearest[j];
        break;
      }
    }
    if (tagSlot[k] < 0) {
      tagIds[k] = '';
      changed = true;
    }
  }
  for (let j = 0; j < n; j++) {
    const slot = nearest[j];
    let has = false;
    for (let k = 0; k < tagSlot.length; k++) {
      if (tagSlot[k] === slot) {
        has = true;
        break;
      }
    }
    if (has) continue;
    for (let k = 0; k < tagSlot.length; k++) {
      if (tagSlot[k] < 0) {
        tagSlot[k] = slot;
        tagIds[k] = s.ids[slot];
        changed = true;
        break;
      }
    }
  }
  return changed;
}
