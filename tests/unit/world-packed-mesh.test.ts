import { describe, expect, it } from 'vitest';
import { BoxGeometry, BufferAttribute, Color, Matrix4, MeshBasicMaterial, PlaneGeometry, Quaternion, Vector3 } from 'three';
import { PackedMesh } from '../../src/client/world/packedMesh';

function tintedBox(): BoxGeometry {
  const g = new BoxGeometry(1, 2, 3);
  const colors = new Float32Array(g.getAttribute('position').count * 3);
  for (let k = 0; k < colors.length; k += 3) colors.set([0.5, 1, 0.25], k);
  g.setAttribute('color', new BufferAttribute(colors, 3));
  return g;
}

/** Vertex v of copy c, read back from the packed geometry. */
function vertex(mesh: PackedMesh, name: 'position' | 'normal' | 'color', c: number, v: number, perCopy: number): Vector3 {
  return new Vector3().fromBufferAttribute(mesh.geometry.getAttribute(name) as BufferAttribute, c * perCopy + v);
}

describe('PackedMesh: many copies of a geometry in one draw call', () => {
  it('places each copy by its matrix, turns normals with it and tints its colours', () => {
    const box = tintedBox();
    const mesh = new PackedMesh(box, new MeshBasicMaterial({ vertexColors: true }), 3);
    const n = box.getAttribute('position').count;
    const m = new Matrix4().compose(new Vector3(5, 0, -2), new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.PI / 2), new Vector3(1, 1, 1));
    mesh.setMatrixAt(1, m);
    mesh.setColorAt(1, new Color(0.5, 0.5, 1));
    for (let v = 0; v < n; v++) {
      const expected = new Vector3().fromBufferAttribute(box.getAttribute('position') as BufferAttribute, v).applyMatrix4(m);
      expect(vertex(mesh, 'position', 1, v, n).distanceTo(expected)).toBeLessThan(1e-5);
      const normal = new Vector3().fromBufferAttribute(box.getAttribute('normal') as BufferAttribute, v).transformDirection(m);
      expect(vertex(mesh, 'normal', 1, v, n).normalize().distanceTo(normal)).toBeLessThan(1e-5);
      expect(vertex(mesh, 'color', 1, v, n).toArray()).toEqual([0.25, 0.5, 0.25]);
      // Copies without a matrix are collapsed (drawn as nothing); untinted ones keep their colours.
      expect(vertex(mesh, 'position', 0, v, n).length()).toBe(0);
      expect(vertex(mesh, 'color', 2, v, n).toArray()).toEqual([0.5, 1, 0.25]);
    }
  });

  it('indexes each copy into its own vertices and draws only the first `copies`', () => {
    const box = tintedBox();
    const mesh = new PackedMesh(box, new MeshBasicMaterial(), 4);
    const n = box.getAttribute('position').count;
    const perCopy = (box.index as BufferAttribute).count;
    const index = mesh.geometry.index as BufferAttribute;
    expect(index.count).toBe(perCopy * 4);
    for (let k = 0; k < perCopy; k++) expect(index.getX(3 * perCopy + k)).toBe((box.index as BufferAttribute).getX(k) + 3 * n);
    mesh.copies = 2;
    expect(mesh.geometry.drawRange).toEqual({ start: 0, count: perCopy * 2 });
    mesh.copies = 99;
    expect(mesh.copies).toBe(4);
    mesh.copies = -1;
    expect(mesh.copies).toBe(0);
  });

  it('uploads only the copies that moved, in one range, and skips unchanged matrices', () => {
    const box = tintedBox();
    const mesh = new PackedMesh(box, new MeshBasicMaterial(), 10);
    const n = box.getAttribute('position').count;
    const position = mesh.geometry.getAttribute('position') as BufferAttribute;
    const before = position.version;
    mesh.setMatrixAt(3, new Matrix4().makeTranslation(1, 0, 0));
    mesh.setMatrixAt(6, new Matrix4().makeTranslation(2, 0, 0));
    mesh.updateMatrixWorld();
    expect(position.version).toBeGreaterThan(before);
    expect(position.updateRanges).toEqual([{ start: 3 * n * 3, count: 4 * n * 3 }]);
    // A frame that was not drawn (ranges still pending) joins the next one: one range, never a pile.
    mesh.setMatrixAt(8, new Matrix4().makeTranslation(3, 0, 0));
    mesh.updateMatrixWorld();
    expect(position.updateRanges).toEqual([{ start: 3 * n * 3, count: 6 * n * 3 }]);
    position.clearUpdateRanges();
    const version = position.version;
    mesh.setMatrixAt(8, new Matrix4().makeTranslation(3, 0, 0));
    mesh.updateMatrixWorld();
    expect(position.version).toBe(version);
    expect(position.updateRanges).toEqual([]);
  });

  it('copies the attributes that do not move (uv) and accepts geometries without an index', () => {
    const plane = new PlaneGeometry(1, 1).toNonIndexed();
    const mesh = new PackedMesh(plane, new MeshBasicMaterial(), 2);
    const uv = mesh.geometry.getAttribute('uv') as BufferAttribute;
    const n = plane.getAttribute('position').count;
    expect(uv.count).toBe(2 * n);
    expect(uv.getX(n + 1)).toBe(plane.getAttribute('uv').getX(1));
    expect((mesh.geometry.index as BufferAttribute).count).toBe(2 * n);
    mesh.setMatrixAt(-1, new Matrix4());
    mesh.setMatrixAt(2, new Matrix4());
    expect((mesh.geometry.getAttribute('position') as BufferAttribute).version).toBe(0);
  });
});
