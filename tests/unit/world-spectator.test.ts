import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import hallJson from '../../scenes/hall.json';
import { BOARD_D, BOARD_W, boardPlacements, boardText } from '../../src/client/world/counters/boardLayout';
import { blendPose, deskPose, ease, newPose, overviewPoints, overviewPose, poseEye, type CameraPose } from '../../src/client/world/camera/spectatorFraming';
import { hallGeometry, parseHallLayout, PILLAR_SIZE } from '../../src/shared/hall';

const layout = parseHallLayout(hallJson);
const geom = hallGeometry(layout);

/** A three.js camera placed as the spectator camera places it. */
function cameraFor(pose: CameraPose, aspect: number): PerspectiveCamera {
  const camera = new PerspectiveCamera(pose.fov, aspect, 0.3, 200);
  const eye = poseEye(pose, { x: 0, y: 0, z: 0 });
  camera.position.set(eye.x, eye.y, eye.z);
  camera.lookAt(pose.lx, pose.ly, pose.lz);
  camera.updateMatrixWorld();
  return camera;
}

describe('the overview of the whole hall', () => {
  for (const aspect of [16 / 9, 1216 / 836, 4 / 3, 1, 9 / 16]) {
    it(`fits the floor and the back wall, centred, at aspect ${aspect.toFixed(2)}`, () => {
      const points = overviewPoints(layout);
      const pose = overviewPose(points, aspect);
      const ndc = points.map((p) => new Vector3(p.x, p.y, p.z).project(cameraFor(pose, aspect)));
      for (const v of ndc) {
        expect(Math.abs(v.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(v.y)).toBeLessThanOrEqual(1);
      }
      // Tight: some point touches the margin; and centred top to bottom.
      expect(Math.max(...ndc.map((v) => Math.max(Math.abs(v.x), Math.abs(v.y))))).toBeGreaterThan(0.9);
      const ys = ndc.map((v) => v.y);
      expect(Math.abs(Math.max(...ys) + Math.min(...ys))).toBeLessThan(0.02);
    });
  }
});

describe('the tour framing of a desk', () => {
  for (const spot of geom.spotList) {
    it(`looks at ${spot.code} head-on from inside the hall`, () => {
      const desk = layout.desks.find((d) => d.code === spot.code)!;
      const pose = deskPose(spot, desk.width, 16 / 9);
      const eye = poseEye(pose, { x: 0, y: 0, z: 0 });
      // In front of the desk, on its axis, looking back at it.
      expect((eye.x - desk.x) * spot.frontX + (eye.z - desk.z) * spot.frontZ).toBeGreaterThan(4);
      expect(Math.abs((eye.x - desk.x) * spot.frontZ - (eye.z - desk.z) * spot.frontX)).toBeLessThan(0.01);
      expect(eye.x).toBeGreaterThan(geom.bounds.minX);
      expect(eye.x).toBeLessThan(geom.bounds.maxX);
      expect(eye.z).toBeGreaterThan(geom.bounds.minZ);
      expect(eye.z).toBeLessThan(geom.bounds.maxZ);
      // The desk's ends and the sign's top are on screen.
      const camera = cameraFor(pose, 16 / 9);
      const side = { x: spot.frontZ, z: -spot.frontX };
      for (const [along, y] of [[-desk.width / 2, 1], [desk.width / 2, 1], [0, 3.2]] as const) {
        const v = new Vector3(desk.x + side.x * along, y, desk.z + side.z * along).project(camera);
        expect(Math.abs(v.x)).toBeLessThan(1);
        expect(Math.abs(v.y)).toBeLessThan(1);
      }
    });
  }

  it('glides from one pose to the next without a jump at either end', () => {
    const a = deskPose(geom.spots.pu, 4.4, 16 / 9);
    const b = deskPose(geom.spots.disdukcapil, 4.4, 16 / 9);
    const out = newPose();
    expect(blendPose(a, b, ease(0), 1, out)).toEqual(a);
    const end = blendPose(a, b, ease(1), 1, out);
    for (const k of ['lx', 'ly', 'lz', 'pitch', 'dist', 'fov'] as const) expect(end[k]).toBeCloseTo(b[k], 6);
    expect(Math.cos(end.yaw - b.yaw)).toBeCloseTo(1, 6);
    expect(ease(0.5)).toBeCloseTo(0.5, 6);
  });
});

describe('the floor boards of the view from above', () => {
  const places = boardPlacements(layout.desks, layout.pillars);
  const rect = (code: string, inset = 0) => {
    const [x, z] = places[code];
    return { minX: x - BOARD_W / 2 + inset, maxX: x + BOARD_W / 2 - inset, minZ: z - BOARD_D / 2 + inset, maxZ: z + BOARD_D / 2 - inset };
  };
  const overlap = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) => a.minX < b.maxX && a.maxX > b.minX && a.minZ < b.maxZ && a.maxZ > b.minZ;

  it('lies in front of each desk, inside the hall, clear of the other boards and of the pillars', () => {
    const codes = layout.desks.map((d) => d.code);
    for (const d of layout.desks) {
      const spot = geom.spots[d.code];
      const [x, z] = places[d.code];
      const ahead = (x - d.x) * spot.frontX + (z - d.z) * spot.frontZ;
      const aside = (x - d.x) * spot.frontZ - (z - d.z) * spot.frontX;
      expect(ahead).toBeGreaterThan(2);
      expect(Math.abs(aside)).toBeLessThanOrEqual(d.width / 2 + 1e-6);
      const r = rect(d.code);
      expect(r.minX).toBeGreaterThan(geom.bounds.minX);
      expect(r.maxX).toBeLessThan(geom.bounds.maxX);
      expect(r.maxZ).toBeLessThan(geom.bounds.maxZ);
      for (const other of codes) if (other !== d.code) expect(overlap(r, rect(other))).toBe(false);
      for (const p of layout.pillars) {
        const pillar = { minX: p.x - PILLAR_SIZE / 2, maxX: p.x + PILLAR_SIZE / 2, minZ: p.z - PILLAR_SIZE / 2, maxZ: p.z + PILLAR_SIZE / 2 };
        expect(overlap(r, pillar)).toBe(false);
      }
    }
  });

  it('breaks a long title at the space nearest its middle and colours from the detail on', () => {
    expect(boardText({ title: '6 · Dinas PU', detail: '3 antre' })).toEqual({ text: '6 · Dinas PU\n3 antre', lines: 2, detailLine: 1 });
    const long = boardText({ title: '11 · Dinas Kesehatan', detail: 'MANDIRI' });
    expect(long.text).toBe('11 · Dinas\nKesehatan\nMANDIRI');
    expect(long.lines).toBe(3);
    expect(long.text.split('\n').slice(long.detailLine)).toEqual(['MANDIRI']);
  });
});
