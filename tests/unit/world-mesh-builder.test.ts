import { describe, expect, it } from 'vitest';
import { BoxGeometry, BufferAttribute, Color, CylinderGeometry, Euler, InterleavedBuffer, InterleavedBufferAttribute, IcosahedronGeometry, Matrix4, PlaneGeometry, Quaternion, SphereGeometry, Vector3, type BufferGeometry } from 'three';
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { MeshBuilder, weldVertices } from '../../src/client/world/hall/meshBuilder';

/** Non-indexed parts with a colour each, merged: what MeshBuilder.build welds. */
function parts(): BufferGeometry {
  const list = [new BoxGeometry(1, 2, 3), new CylinderGeometry(0.2, 0.3, 1, 8), new IcosahedronGeometry(0.5, 1), new BoxGeometry(1, 2, 3).translate(1, 0, 0)].map((g, i) => {
    const flat = g.index ? g.toNonIndexed() : g;
    flat.deleteAttribute('uv');
    flat.setAttribute('color', new BufferAttribute(new Float32Array(flat.getAttribute('position').count * 3).fill(i % 2 ? 0.25 : 1), 3));
    return flat;
  });
  return mergeGeometries(list, false)!;
}

describe('mesh builder', () => {
  it("welds the same vertices, in the same order, as three.js's mergeVertices", () => {
    const source = parts();
    const ours = weldVertices(source);
    const three = mergeVertices(source);
    expect(ours.getAttribute('position').count).toBe(three.getAttribute('position').count);
    expect(ours.getAttribute('position').count).toBeLessThan(source.getAttribute('position').count);
    for (const name of ['position', 'normal', 'color']) expect(Array.from(ours.getAttribute(name).array)).toEqual(Array.from(three.getAttribute(name).array));
    expect(Array.from(ours.index!.array)).toEqual(Array.from(three.index!.array));
  });

  it('keeps corners apart that differ in normal or colour, and joins ones within 1e-4', () => {
    const g = new BoxGeometry(1, 1, 1).toNonIndexed();
    g.deleteAttribute('uv');
    const n = g.getAttribute('position').count;
    const colors = new Float32Array(n * 3).fill(1);
    // A corner shared by the face's two triangles (the 2nd and 4th listed), a shade off in one of them: two vertices.
    colors[3 * 1] = 0.5;
    g.setAttribute('color', new BufferAttribute(colors, 3));
    // A corner nudged by far less than 1e-4 (the 6th listed, the 3rd's twin) is still one vertex.
    (g.getAttribute('position').array as Float32Array)[3 * 5] += 1e-6;
    const welded = weldVertices(g);
    // 6 faces × 4 corners, plus the off-colour one split from its twin.
    expect(welded.getAttribute('position').count).toBe(25);
    expect(welded.index!.count).toBe(36);
  });

  it('builds one indexed geometry with a colour per part and a bounding sphere', () => {
    const b = new MeshBuilder();
    b.box(1, 1, 1, '#ff0000').box(1, 1, 1, '#00ff00', { x: 2 });
    const g = b.build();
    expect(b.empty).toBe(true);
    expect(g.getAttribute('position').count).toBe(48);
    expect(g.index!.count).toBe(72);
    const c = g.getAttribute('color');
    expect([c.getX(0), c.getY(0), c.getZ(0)]).toEqual([1, 0, 0]);
    expect([c.getX(47), c.getY(47), c.getZ(47)]).toEqual([0, 1, 0]);
    expect(g.boundingSphere!.radius).toBeGreaterThan(1.5);
  });

  it("gives any other geometry (indexed, interleaved) to three.js's mergeVertices", () => {
    const indexed = new BoxGeometry(1, 1, 1);
    expect(Array.from(weldVertices(indexed).index!.array)).toEqual(Array.from(mergeVertices(indexed).index!.array));
    const flat = new BoxGeometry(1, 1, 1).toNonIndexed();
    const n = flat.getAttribute('position').count;
    const buffer = new InterleavedBuffer(new Float32Array(n * 6), 6);
    for (let i = 0; i < n; i++) {
      buffer.array[i * 6] = flat.getAttribute('position').getX(i);
      buffer.array[i * 6 + 1] = flat.getAttribute('position').getY(i);
      buffer.array[i * 6 + 2] = flat.getAttribute('position').getZ(i);
      buffer.array[i * 6 + 3] = flat.getAttribute('normal').getX(i);
      buffer.array[i * 6 + 4] = flat.getAttribute('normal').getY(i);
      buffer.array[i * 6 + 5] = flat.getAttribute('normal').getZ(i);
    }
    const interleaved = new BoxGeometry(1, 1, 1).toNonIndexed();
    interleaved.deleteAttribute('uv');
    interleaved.setAttribute('position', new InterleavedBufferAttribute(buffer, 3, 0));
    interleaved.setAttribute('normal', new InterleavedBufferAttribute(buffer, 3, 3));
    const welded = weldVertices(interleaved);
    expect(welded.getAttribute('position').count).toBe(24);
    expect(welded.getAttribute('position').getX(0)).toBe(flat.getAttribute('position').getX(0));
  });

  it('paints with a Color object as it is at each call, not as it was first given', () => {
    const paint = new Color('#ff0000');
    const b = new MeshBuilder();
    b.box(1, 1, 1, paint);
    paint.set('#0000ff');
    b.box(1, 1, 1, paint, { x: 2 });
    const c = b.build().getAttribute('color');
    expect([c.getX(0), c.getY(0), c.getZ(0)]).toEqual([1, 0, 0]);
    expect([c.getX(47), c.getY(47), c.getZ(47)]).toEqual([0, 0, 1]);
  });

  it('makes a blob from its unit template that matches an icosahedron of that radius', () => {
    for (const detail of [0, 1]) {
      const ours = new MeshBuilder().blob(0.3, '#336699', { x: 1, sy: 1.2 }, detail).blob(0.2, '#336699', {}, detail).build();
      const direct = new MeshBuilder().add(new IcosahedronGeometry(0.3, detail), '#336699', { x: 1, sy: 1.2 }).add(new IcosahedronGeometry(0.2, detail), '#336699').build();
      for (const name of ['position', 'normal', 'color']) {
        const a = Array.from(ours.getAttribute(name).array);
        const b = Array.from(direct.getAttribute(name).array);
        expect(a.length).toBe(b.length);
        expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeLessThan(1e-5);
      }
      expect(Array.from(ours.index!.array)).toEqual(Array.from(direct.index!.array));
    }
  });

  it('places templates as three.js places its own geometries (rotated, scaled unevenly, every shape)', () => {
    const places = [{}, { x: 1, y: -2, z: 0.5 }, { rx: 0.3, ry: -1.2, rz: 2 }, { x: 3, ry: Math.PI / 2, sx: 2, sy: 0.5, sz: 1.5 }, { rz: 0.7, sy: 3 }];
    const ours = new MeshBuilder();
    const parts: BufferGeometry[] = [];
    // The builder as it was: a three.js geometry per part, flattened, placed with applyMatrix4, coloured, merged.
    const direct = (g: BufferGeometry, color: string, at: (typeof places)[number]) => {
      const flat = g.index ? g.toNonIndexed() : g;
      flat.deleteAttribute('uv');
      const a = at as { x?: number; y?: number; z?: number; rx?: number; ry?: number; rz?: number; sx?: number; sy?: number; sz?: number };
      flat.applyMatrix4(new Matrix4().compose(new Vector3(a.x ?? 0, a.y ?? 0, a.z ?? 0), new Quaternion().setFromEuler(new Euler(a.rx ?? 0, a.ry ?? 0, a.rz ?? 0)), new Vector3(a.sx ?? 1, a.sy ?? 1, a.sz ?? 1)));
      const c = new Color(color);
      const n = flat.getAttribute('position').count;
      const colors = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) colors.set([c.r, c.g, c.b], i * 3);
      flat.setAttribute('color', new BufferAttribute(colors, 3));
      parts.push(flat);
    };
    places.forEach((at, i) => {
      const color = ['#ff8800', '#123456', '#ffffff', '#00aa44', '#777777'][i];
      ours.box(0.4, 1.3, 2.2, color, at).plane(1.5, 0.25, color, at).cylinder(0.2, 0.35, 0.9, 7, color, at).sphere(0.4, color, at, 8, 5).blob(0.3, color, at, 1);
      direct(new BoxGeometry(0.4, 1.3, 2.2), color, at);
      direct(new PlaneGeometry(1.5, 0.25), color, at);
      direct(new CylinderGeometry(0.2, 0.35, 0.9, 7), color, at);
      direct(new SphereGeometry(0.4, 8, 5), color, at);
      direct(new IcosahedronGeometry(0.3, 1), color, at);
    });
    const built = ours.build();
    const expected = weldVertices(mergeGeometries(parts, false)!);
    expect(built.getAttribute('position').count).toBe(expected.getAttribute('position').count);
    for (const name of ['position', 'normal', 'color']) {
      const a = Array.from(built.getAttribute(name).array);
      const b = Array.from(expected.getAttribute(name).array);
      expect(Math.max(...a.map((v, k) => Math.abs(v - b[k])))).toBeLessThan(1e-5);
    }
    expect(Array.from(built.index!.array)).toEqual(Array.from(expected.index!.array));
    expect(Object.keys(built.attributes)).toEqual(['position', 'normal', 'color']);
  });

  it('grows past its first arrays, starts empty again after build, and refuses to build nothing', () => {
    const b = new MeshBuilder();
    for (let i = 0; i < 200; i++) b.box(1, 1, 1, '#ff0000', { x: i * 2 });
    expect(b.build().getAttribute('position').count).toBe(200 * 24);
    expect(b.empty).toBe(true);
    expect(() => b.build()).toThrow(/nothing to build/);
  });
});
