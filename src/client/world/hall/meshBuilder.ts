import { BoxGeometry, BufferAttribute, BufferGeometry, Color, type ColorRepresentation, CylinderGeometry, Euler, IcosahedronGeometry, Matrix4, PlaneGeometry, Quaternion, SphereGeometry, Vector3 } from 'three';
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** Placement of a part: position, Euler rotation (radians) and scale. */
export interface Place {
  x?: number;
  y?: number;
  z?: number;
  rx?: number;
  ry?: number;
  rz?: number;
  sx?: number;
  sy?: number;
  sz?: number;
}

const m = new Matrix4();
const q = new Quaternion();
const e = new Euler();
const p = new Vector3();
const s = new Vector3();
const c = new Color();

/**
 * Collects primitive parts, each painted with one vertex colour, and merges them into a
 * single geometry: a whole desk or the whole hall shell becomes one draw call.
 */
export class MeshBuilder {
  private readonly parts: BufferGeometry[] = [];

  add(geometry: BufferGeometry, color: ColorRepresentation, at: Place = {}): this {
    const g = geometry.index ? geometry.toNonIndexed() : geometry;
    if (g !== geometry) geometry.dispose();
    g.deleteAttribute('uv');
    e.set(at.rx ?? 0, at.ry ?? 0, at.rz ?? 0);
    q.setFromEuler(e);
    p.set(at.x ?? 0, at.y ?? 0, at.z ?? 0);
    s.set(at.sx ?? 1, at.sy ?? 1, at.sz ?? 1);
    g.applyMatrix4(m.compose(p, q, s));
    parsed(color, c);
    const n = g.getAttribute('position').count;
    const colors = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      colors[i * 3] = c.r;
      colors[i * 3 + 1] = c.g;
      colors[i * 3 + 2] = c.b;
    }
    g.setAttribute('color', new BufferAttribute(colors, 3));
    this.parts.push(g);
    return this;
  }

  /** A box of size w×h×d whose centre is at `at`. */
  box(w: number, h: number, d: number, color: ColorRepresentation, at: Place = {}): this {
    return this.add(new BoxGeometry(w, h, d), color, at);
  }

  cylinder(rTop: number, rBottom: number, h: number, segments: number, color: ColorRepresentation, at: Place = {}): this {
    return this.add(new CylinderGeometry(rTop, rBottom, h, segments), color, at);
  }

  sphere(r: number, color: ColorRepresentation, at: Place = {}, w = 10, h = 7): this {
    return this.add(new SphereGeometry(r, w, h), color, at);
  }

  /** A round lump (an icosahedron of radius r, `detail` subdivisions). */
  blob(r: number, color: ColorRepresentation, at: Place = {}, detail = 0): this {
    return this.add(unitBlob(detail).clone().scale(r, r, r), color, at);
  }

  /** A single-sided rectangle facing +z before rotation. */
  plane(w: number, h: number, color: ColorRepresentation, at: Place = {}): this {
    return this.add(new PlaneGeometry(w, h), color, at);
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /**
   * Merges the parts (and frees them) into an indexed geometry: corners that share position,
   * normal and colour are one vertex, so a rasteriser without a GPU (SwiftShader) shades each
   * once instead of once per triangle.
   */
  build(): BufferGeometry {
    const merged = mergeGeometries(this.parts, false);
    for (const g of this.parts) g.dispose();
    this.parts.length = 0;
    if (!merged) throw new Error('MeshBuilder: parts have mismatched attributes');
    const indexed = weldVertices(merged);
    merged.dispose();
    indexed.computeBoundingSphere();
    return indexed;
  }
}

/** Unit icosahedra by detail, built once: the hall's plants alone are made of dozens of blobs. */
const blobs = new Map<number, BufferGeometry>();

function unitBlob(detail: number): BufferGeometry {
  let blob = blobs.get(detail);
  if (!blob) {
    blob = new IcosahedronGeometry(1, detail);
    blob.deleteAttribute('uv');
    blobs.set(detail, blob);
  }
  return blob;
}

/** Colours by how they were written (strings and numbers): the hall paints thousands of parts with a few dozen colours. */
const colours = new Map<string | number, Color>();

function parsed(color: ColorRepresentation, target: Color): Color {
  // A Color object may change after it was given: copied each time, never remembered.
  if (typeof color === 'object') return target.copy(color);
  let known = colours.get(color);
  if (!known) {
    known = new Color(color);
    colours.set(color, known);
  }
  return target.copy(known);
}

/** Values are compared rounded to 1/WELD_STEPS (three.js's mergeVertices' default tolerance, 1e-4). */
const WELD_STEPS = 1e4;

/**
 * An indexed copy of a geometry whose corners share one vertex where all their attributes round
 * alike (to 1e-4, as three.js's `mergeVertices` rounds): the vertices and order `mergeVertices`
 * gives, keyed by numbers instead of strings (~80 ms of the hall's mount in the world bench went
 * to building those strings). Reads plain Float32 attributes of a non-indexed geometry; any other
 * geometry goes to `mergeVertices` itself.
 */
export function weldVertices(geometry: BufferGeometry): BufferGeometry {
  const names = Object.keys(geometry.attributes);
  const attributes = names.map((name) => geometry.getAttribute(name));
  const plain = (a: (typeof attributes)[number]): a is BufferAttribute => a instanceof BufferAttribute && a.array instanceof Float32Array;
  if (geometry.index || !attributes.every(plain) || Object.keys(geometry.morphAttributes).length > 0) return mergeVertices(geometry);
  const width = attributes.reduce((sum, a) => sum + a.itemSize, 0);
  const count = geometry.getAttribute('position').count;
  const keys = new Int32Array(count * width);
  const heads = new Map<number, number>();
  const next: number[] = [];
  const source: number[] = [];
  const index = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const at = i * width;
    let o = at;
    let hash = 0x811c9dc5;
    for (const a of attributes) {
      const values = a.array;
      for (let k = 0; k < a.itemSize; k++) {
        const key = Math.trunc(values[i * a.itemSize + k] * WELD_STEPS + 0.5);
        keys[o++] = key;
        hash = Math.imul(hash ^ key, 0x01000193);
      }
    }
    let v = heads.get(hash) ?? -1;
    while (v >= 0 && !sameKeys(keys, source[v] * width, at, width)) v = next[v];
    if (v < 0) {
      v = source.length;
      source.push(i);
      next.push(heads.get(hash) ?? -1);
      heads.set(hash, v);
    }
    index[i] = v;
  }
  const welded = new BufferGeometry();
  attributes.forEach((a, j) => {
    const out = new Float32Array(source.length * a.itemSize);
    for (let v = 0; v < source.length; v++) for (let k = 0; k < a.itemSize; k++) out[v * a.itemSize + k] = a.array[source[v] * a.itemSize + k];
    welded.setAttribute(names[j], new BufferAttribute(out, a.itemSize, a.normalized));
  });
  welded.setIndex(new BufferAttribute(source.length > 65535 ? index : Uint16Array.from(index), 1));
  return welded;
}

function sameKeys(keys: Int32Array, a: number, b: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}
