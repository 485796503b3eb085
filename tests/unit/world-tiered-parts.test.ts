import { describe, expect, it } from 'vitest';
import { BoxGeometry, BufferAttribute, Color, Matrix4, MeshBasicMaterial } from 'three';
import { PackedMesh } from '../../src/client/world/packedMesh';
import { beginTiered, createTieredPart, endTiered, placeTiered } from '../../src/client/world/visitors/tieredParts';

function whiteBox(size: number): BoxGeometry {
  const g = new BoxGeometry(size, size, size);
  g.setAttribute('color', new BufferAttribute(new Float32Array(g.getAttribute('position').count * 3).fill(1), 3));
  return g;
}

/** The colour of copy k's first vertex. */
const tintOf = (m: PackedMesh, k: number) => {
  const c = m.geometry.getAttribute('color');
  const v = k * whiteBox(1).getAttribute('position').count;
  return [c.getX(v), c.getY(v), c.getZ(v)];
};

describe('visitor parts in two levels of detail', () => {
  it('packs near and far visitors into the first copies of each mesh, and draws only those', () => {
    const material = new MeshBasicMaterial({ vertexColors: true });
    const near = new PackedMesh(whiteBox(1), material, 4);
    const far = new PackedMesh(whiteBox(0.5), material, 4);
    const part = createTieredPart(near, far);
    const red = new Color(1, 0, 0);
    const blue = new Color(0, 0, 1);
    beginTiered(part, true);
    placeTiered(part, 0, false, new Matrix4().makeTranslation(1, 0, 0), red);
    placeTiered(part, 1, true, new Matrix4().makeTranslation(20, 0, 0), blue);
    placeTiered(part, 2, false, new Matrix4().makeTranslation(2, 0, 0), blue);
    endTiered(part);
    expect([near.copies, far.copies]).toEqual([2, 1]);
    expect(near.geometry.drawRange.count).toBe(2 * whiteBox(1).index!.count);
    expect(tintOf(near, 0)).toEqual([1, 0, 0]);
    expect(tintOf(near, 1)).toEqual([0, 0, 1]);
    expect(tintOf(far, 0)).toEqual([0, 0, 1]);
    // Copy 1 of the near mesh stands where visitor 2 is.
    expect(near.geometry.getAttribute('position').getX(whiteBox(1).getAttribute('position').count)).toBeCloseTo(2.5);

    // Visitor 0 walks away: the near mesh now holds only visitor 2, re-tinted in copy 0.
    beginTiered(part, false);
    placeTiered(part, 0, true, new Matrix4().makeTranslation(30, 0, 0), red);
    placeTiered(part, 1, true, new Matrix4().makeTranslation(20, 0, 0), blue);
    placeTiered(part, 2, false, new Matrix4().makeTranslation(2, 0, 0), blue);
    endTiered(part);
    expect([near.copies, far.copies]).toEqual([1, 2]);
    expect(tintOf(near, 0)).toEqual([0, 0, 1]);
    expect(tintOf(far, 0)).toEqual([1, 0, 0]);
    expect(tintOf(far, 1)).toEqual([0, 0, 1]);
  });

  it("writes no copy beyond a mesh's capacity", () => {
    const material = new MeshBasicMaterial({ vertexColors: true });
    const part = createTieredPart(new PackedMesh(whiteBox(1), material, 1), new PackedMesh(whiteBox(1), material, 1));
    beginTiered(part, true);
    for (let i = 0; i < 3; i++) placeTiered(part, i, false, new Matrix4(), null);
    endTiered(part);
    expect(part.near.copies).toBe(1);
  });
});
