import { type DependencyList, useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, type Color, DynamicDrawUsage, type Material, type Matrix4, Mesh } from 'three';

/**
 * Many copies of one small geometry (people, lamps) drawn as ONE plain draw call: the copies'
 * vertices are written, already moved, into one geometry on the CPU. It has InstancedMesh's
 * interface (`copies` for its `count`, `setMatrixAt`, `setColorAt`) for what the crowd and the officers need.
 *
 * Why not InstancedMesh: a software rasteriser (SwiftShader, what Chromium uses without a
 * GPU) runs an instanced draw as one draw per instance, each with its own setup. In the world bench the remote visitors' seven
 * instanced meshes (350 instances) cost the GPU process ~24 ms a frame, the same triangles in
 * one geometry a fraction of it. Moving ~30,000 vertices in JavaScript takes well under a
 * millisecond; a GPU draws the packed geometry as fast as the instanced one.
 *
 * Lighting is unchanged: normals are turned by the copy's matrix (its upper 3 × 3, as the
 * instanced shader did) and the material normalises them (hall/lighting.ts).
 */
export class PackedMesh extends Mesh<BufferGeometry, Material> {
  readonly capacity: number;
  private readonly templatePosition: Float32Array;
  private readonly templateNormal: Float32Array | null;
  private readonly templateColor: Float32Array | null;
  private readonly perCopy: number;
  private readonly indexPerCopy: number;
  private readonly positions: BufferAttribute;
  private readonly normals: BufferAttribute | null;
  private readonly colors: BufferAttribute | null;
  /** Each copy's last matrix: an unchanged one is not written again. */
  private readonly matrices: Float32Array;
  private dirtyFrom = Infinity;
  private dirtyTo = -1;
  private colorFrom = Infinity;
  private colorTo = -1;
  private drawn = 0;

  constructor(template: BufferGeometry, material: Material, capacity: number) {
    const source = template.index ? template : template.clone().setIndex(sequence(template.getAttribute('position').count));
    const perCopy = source.getAttribute('position').count;
    const templateIndex = source.index as BufferAttribute;
    const geometry = new BufferGeometry();
    for (const [name, attribute] of Object.entries(source.attributes)) {
      const a = attribute as BufferAttribute;
      const one = Float32Array.from({ length: perCopy * a.itemSize }, (_, j) => a.getComponent(Math.floor(j / a.itemSize), j % a.itemSize));
      const data = new Float32Array(one.length * capacity);
      // Attributes that do not move (uv, colour until tinted) are copied once.
      for (let c = 0; c < capacity; c++) data.set(one, c * one.length);
      geometry.setAttribute(name, new BufferAttribute(data, a.itemSize));
    }
    const indexPerCopy = templateIndex.count;
    const total = perCopy * capacity;
    const index = total > 65535 ? new Uint32Array(indexPerCopy * capacity) : new Uint16Array(indexPerCopy * capacity);
    const oneIndex = Array.from({ length: indexPerCopy }, (_, k) => templateIndex.getX(k));
    for (let c = 0; c < capacity; c++) for (let k = 0; k < indexPerCopy; k++) index[c * indexPerCopy + k] = oneIndex[k] + c * perCopy;
    geometry.setIndex(new BufferAttribute(index, 1));
    super(geometry, material);
    this.capacity = capacity;
    this.perCopy = perCopy;
    this.indexPerCopy = indexPerCopy;
    this.positions = geometry.getAttribute('position') as BufferAttribute;
    this.normals = (geometry.getAttribute('normal') as BufferAttribute | undefined) ?? null;
    const color = geometry.getAttribute('color') as BufferAttribute | undefined;
    this.colors = color && color.itemSize === 3 ? color : null;
    this.templatePosition = Float32Array.from((source.getAttribute('position') as BufferAttribute).array);
    this.templateNormal = this.normals ? Float32Array.from((source.getAttribute('normal') as BufferAttribute).array) : null;
    this.templateColor = this.colors ? Float32Array.from((source.getAttribute('color') as BufferAttribute).array) : null;
    for (const a of [this.positions, this.normals, this.colors]) a?.setUsage(DynamicDrawUsage);
    this.matrices = new Float32Array(16 * capacity).fill(NaN);
    // Every copy starts collapsed to a point (drawn as nothing) until it gets a matrix.
    this.positions.array.fill(0);
    this.frustumCulled = false;
    this.copies = capacity;
    if (source !== template) source.dispose();
  }

  /** Copies drawn: the first `copies` (InstancedMesh's `count`; Mesh's own `count` is WebGPU's instance count). */
  get copies(): number {
    return this.drawn;
  }

  set copies(n: number) {
    this.drawn = Math.max(0, Math.min(this.capacity, n));
    this.geometry?.setDrawRange(0, this.drawn * this.indexPerCopy);
  }

  /** Moves copy `i`: writes its vertices and normals turned and placed by `m`. */
  setMatrixAt(i: number, m: Matrix4): void {
    if (i < 0 || i >= this.capacity) return;
    const e = m.elements;
    const last = this.matrices;
    const o = i * 16;
    let same = true;
    for (let k = 0; k < 16; k++) {
      if (last[o + k] !== e[k]) {
        same = false;
        last[o + k] = e[k];
      }
    }
    if (same) return;
    const n = this.perCopy;
    const src = this.templatePosition;
    const dst = this.positions.array as Float32Array;
    const base = i * n * 3;
    for (let v = 0; v < n * 3; v += 3) {
      const x = src[v];
      const y = src[v + 1];
      const z = src[v + 2];
      dst[base + v] = e[0] * x + e[4] * y + e[8] * z + e[12];
      dst[base + v + 1] = e[1] * x + e[5] * y + e[9] * z + e[13];
      dst[base + v + 2] = e[2] * x + e[6] * y + e[10] * z + e[14];
    }
    const ns = this.templateNormal;
    if (ns && this.normals) {
      const nd = this.normals.array as Float32Array;
      for (let v = 0; v < n * 3; v += 3) {
        const x = ns[v];
        const y = ns[v + 1];
        const z = ns[v + 2];
        nd[base + v] = e[0] * x + e[4] * y + e[8] * z;
        nd[base + v + 1] = e[1] * x + e[5] * y + e[9] * z;
        nd[base + v + 2] = e[2] * x + e[6] * y + e[10] * z;
      }
    }
    if (i < this.dirtyFrom) this.dirtyFrom = i;
    if (i > this.dirtyTo) this.dirtyTo = i;
  }

  /** Tints copy `i`: its vertex colours times `c` (InstancedMesh multiplies the same way). */
  setColorAt(i: number, c: Color): void {
    const t = this.templateColor;
    if (!t || !this.colors || i < 0 || i >= this.capacity) return;
    const dst = this.colors.array as Float32Array;
    const n = this.perCopy;
    const base = i * n * 3;
    for (let v = 0; v < n * 3; v += 3) {
      dst[base + v] = t[v] * c.r;
      dst[base + v + 1] = t[v + 1] * c.g;
      dst[base + v + 2] = t[v + 2] * c.b;
    }
    if (i < this.colorFrom) this.colorFrom = i;
    if (i > this.colorTo) this.colorTo = i;
  }

  /**
   * Hands what changed since the last frame to three.js in one range per attribute. The
   * renderer updates the scene's matrices right before it uploads and draws, so this runs
   * once per rendered frame, after every useFrame callback has moved its copies.
   */
  override updateMatrixWorld(force?: boolean): void {
    super.updateMatrixWorld(force);
    const n = this.perCopy * 3;
    if (this.dirtyTo >= 0) {
      const start = this.dirtyFrom * n;
      const count = (this.dirtyTo - this.dirtyFrom + 1) * n;
      for (const a of [this.positions, this.normals]) if (a) markRange(a, start, count);
      this.dirtyFrom = Infinity;
      this.dirtyTo = -1;
    }
    if (this.colorTo >= 0 && this.colors) {
      markRange(this.colors, this.colorFrom * n, (this.colorTo - this.colorFrom + 1) * n);
      this.colorFrom = Infinity;
      this.colorTo = -1;
    }
  }

  /** Frees the packed geometry (the template belongs to the caller). */
  override dispose(): void {
    this.geometry.dispose();
    super.dispose();
  }
}

/**
 * A component's packed meshes: made by `build` while `deps` hold, disposed when they change
 * or the component unmounts. A part a component may not need is null.
 */
export function usePackedMeshes<T extends Record<string, PackedMesh | null>>(build: () => T, deps: DependencyList): T {
  const packs = useMemo(build, deps); // the caller's deps, as for useMemo
  useEffect(
    () => () => {
      for (const p of Object.values(packs)) p?.dispose();
    },
    [packs],
  );
  return packs;
}

/**
 * Asks three.js to upload [start, start + count) of `a`, together with any range still waiting
 * (a frame that was not drawn, e.g. while hidden): one range covering both, so they never pile up.
 */
function markRange(a: BufferAttribute, start: number, count: number): void {
  let from = start;
  let to = start + count;
  for (const r of a.updateRanges) {
    from = Math.min(from, r.start);
    to = Math.max(to, r.start + r.count);
  }
  a.clearUpdateRanges();
  a.addUpdateRange(from, to - from);
  a.needsUpdate = true;
}

function sequence(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
