import { BoxGeometry, BufferAttribute, BufferGeometry, Color, type ColorRepresentation, CylinderGeometry, Euler, IcosahedronGeometry, Matrix3, Matrix4, PlaneGeometry, Quaternion, SphereGeometry, Vector3 } from 'three';
import { mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

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
const nm = new Matrix3();
const q = new Quaternion();
const e = new Euler();
const p = new Vector3();
const s = new Vector3();
const c = new Color();

/** A primitive's corners, three per triangle (non-indexed), before placing. */
interface Template {
  position: Float32Array;
  normal: Float32Array;
}

/** A geometry's corners as a template; the geometry is disposed. */
function flatten(geometry: BufferGeometry): Template {
  const flat = geometry.index ? geometry.toNonIndexed() : geometry;
  if (!flat.getAttribute('normal')) flat.computeVertexNormals();
  const t = { position: Float32Array.from(flat.getAttribute('position').array), normal: Float32Array.from(flat.getAttribute('normal').array) };
  if (flat !== geometry) flat.dispose();
  geometry.dispose();
  return t;
}

/**
 * Primitives by shape, built once: the hall, its desks and its people repeat a few dozen shapes
 * thousands of times. A box, a plane and a blob are one unit template scaled when placed.
 */
const templates = new Map<string, Template>();

function template(key: string, make: () => BufferGeometry): Template {
  let t = templates.get(key);
  if (!t) {
    t = flatten(make());
    templates.set(key, t);
  }
  return t;
}

/**
 * Collects primitive parts, each painted with one vertex colour, and merges them into a
 * single geometry: a whole desk or the whole hall shell becomes one draw call.
 *
 * Each part's corners go straight into the builder's growing arrays (position, normal, colour)
 * from a template of its shape: no geometry object per part and no merge (in the world bench,
 * building the hall's shell part by part with three.js's geometries took ~170 ms of its mount).
 */
export class MeshBuilder {
  private position = new Float32Array(3 * 1024);
  private normal = new Float32Array(3 * 1024);
  private color = new Float32Array(3 * 1024);
  private count = 0;

  /** Any geometry (it is disposed): its triangles placed at `at`, in one colour. */
  add(geometry: BufferGeometry, color: ColorRepresentation, at: Place = {}): this {
    return this.place(flatten(geometry), color, at);
  }

  /** A box of size w×h×d whose centre is at `at`. */
  box(w: number, h: number, d: number, color: ColorRepresentation, at: Place = {}): this {
    if (w === 0 || h === 0 || d === 0) return this.place(template(`box ${w} ${h} ${d}`, () => new BoxGeometry(w, h, d)), color, at);
    return this.place(template('box', () => new BoxGeometry(1, 1, 1)), color, at, w, h, d);
  }

  cylinder(rTop: number, rBottom: number, h: number, segments: number, color: ColorRepresentation, at: Place = {}): this {
    return this.place(template(`cylinder ${rTop} ${rBottom} ${h} ${segments}`, () => new CylinderGeometry(rTop, rBottom, h, segments)), color, at);
  }

  sphere(r: number, color: ColorRepresentation, at: Place = {}, w = 10, h = 7): this {
    return this.place(template(`sphere ${r} ${w} ${h}`, () => new SphereGeometry(r, w, h)), color, at);
  }

  /** A round lump (an icosahedron of radius r, `detail` subdivisions). */
  blob(r: number, color: ColorRepresentation, at: Place = {}, detail = 0): this {
    if (r === 0) return this;
    return this.place(template(`blob ${detail}`, () => new IcosahedronGeometry(1, detail)), color, at, r, r, r);
  }

  /** A single-sided rectangle facing +z before rotation. */
  plane(w: number, h: number, color: ColorRepresentation, at: Place = {}): this {
    if (w === 0 || h === 0) return this.place(template(`plane ${w} ${h}`, () => new PlaneGeometry(w, h)), color, at);
    return this.place(template('plane', () => new PlaneGeometry(1, 1)), color, at, w, h, 1);
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /**
   * Places a template's corners: scaled by (kx, ky, kz), then by `at`'s scale, rotation and
   * position, as three.js's applyMatrix4 does it (normals by the normal matrix, normalised).
   */
  private place(t: Template, color: ColorRepresentation, at: Place, kx = 1, ky = 1, kz = 1): this {
    e.set(at.rx ?? 0, at.ry ?? 0, at.rz ?? 0);
    q.setFromEuler(e);
    p.set(at.x ?? 0, at.y ?? 0, at.z ?? 0);
    s.set((at.sx ?? 1) * kx, (at.sy ?? 1) * ky, (at.sz ?? 1) * kz);
    const me = m.compose(p, q, s).elements;
    const ne = nm.getNormalMatrix(m).elements;
    parsed(color, c);
    const corners = t.position.length / 3;
    this.reserve(corners);
    const { position, normal, color: colors } = this;
    const from = t.position;
    const fromNormal = t.normal;
    for (let i = 0, o = this.count * 3; i < corners * 3; i += 3, o += 3) {
      const x = from[i];
      const y = from[i + 1];
      const z = from[i + 2];
      position[o] = me[0] * x + me[4] * y + me[8] * z + me[12];
      position[o + 1] = me[1] * x + me[5] * y + me[9] * z + me[13];
      position[o + 2] = me[2] * x + me[6] * y + me[10] * z + me[14];
      const nx = fromNormal[i];
      const ny = fromNormal[i + 1];
      const nz = fromNormal[i + 2];
      const tx = ne[0] * nx + ne[3] * ny + ne[6] * nz;
      const ty = ne[1] * nx + ne[4] * ny + ne[7] * nz;
      const tz = ne[2] * nx + ne[5] * ny + ne[8] * nz;
      const length = Math.sqrt(tx * tx + ty * ty + tz * tz) || 1;
      normal[o] = tx / length;
      normal[o + 1] = ty / length;
      normal[o + 2] = tz / length;
      colors[o] = c.r;
      colors[o + 1] = c.g;
      colors[o + 2] = c.b;
    }
    this.count += corners;
    return this;
  }

  /** Room for `more` corners. */
  private reserve(more: number): void {
    const need = (this.count + more) * 3;
    if (need <= this.position.length) return;
    let size = this.position.length * 2;
    while (size < need) size *= 2;
    const grow = (a: Float32Array) => {
      const b = new Float32Array(size);
      b.set(a.subarray(0, this.count * 3));
      return b;
    };
    this.position = grow(this.position);
    this.normal = grow(this.normal);
    this.color = grow(this.color);
  }

  /**
   * The parts as one indexed geometry (the builder is empty after): corners that share
   * position, normal and colour are one vertex, so a rasteriser without a GPU (SwiftShader)
   * shades each once instead of once per triangle.
   */
  build(): BufferGeometry {
    if (this.count === 0) throw new Error('MeshBuilder: nothing to build');
    const used = this.count * 3;
    const merged = new BufferGeometry();
    merged.setAttribute('position', new BufferAttribute(this.position.slice(0, used), 3));
    merged.setAttribute('normal', new BufferAttribute(this.normal.slice(0, used), 3));
    merged.setAttribute('color', new BufferAttribute(this.color.slice(0, used), 3));
    this.count = 0;
    const indexed = weldVertices(merged);
    merged.dispose();
    indexed.computeBoundingSphere();
    return indexed;
  }
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
