import { BoxGeometry, BufferAttribute, type BufferGeometry, Color, type ColorRepresentation, CylinderGeometry, Euler, IcosahedronGeometry, Matrix4, PlaneGeometry, Quaternion, SphereGeometry, Vector3 } from 'three';
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
    c.set(color);
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

  blob(r: number, color: ColorRepresentation, at: Place = {}, detail = 0): this {
    return this.add(new IcosahedronGeometry(r, detail), color, at);
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
    const indexed = mergeVertices(merged);
    merged.dispose();
    indexed.computeBoundingSphere();
    return indexed;
  }
}
