import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, Object3D } from 'three';
import { isWalkable, resolveMove, type HallGeometry, type HallLayout, type Vec2 } from '../../../shared/hall';
import { buildCrowdGeometries, disposeCrowdGeometries } from './crowdGeometry';
import { solidMaterial } from '../hall/materials';
import { HIJAB_COLORS, PALETTE, SHIRT_COLORS } from '../hall/palette';
import { createBlobShadowMaterial, mulberry32 } from '../hall/textures';
import { keepAwake, type Pace } from '../pacing';
import { PackedMesh, usePackedMeshes } from '../packedMesh';
import { PART } from '../parts';

export interface VisitorsProps {
  /** How many visitors walk around; default 0 (renders nothing). */
  count?: number;
  /** The layout (lobby and spawn) they wander in. */
  layout: HallLayout;
  /** Collision and service spots, from hallGeometry(). */
  geom: HallGeometry;
  /** Seed for their looks and paths; default 1. */
  seed?: number;
  /** They walk all the time: the hall draws every frame while they are there. */
  runtime: Pace;
}

const dummy = new Object3D();
const color = new Color();
const from: Vec2 = { x: 0, z: 0 };
const to: Vec2 = { x: 0, z: 0 };
const out: Vec2 = { x: 0, z: 0 };
const SPEED = 1.1;

/**
 * Other citizens walking around the hall (demo and benchmark crowd): five instanced meshes
 * plus one for their blob shadows, whatever the count. They stroll between the lobby and
 * the counters' service spots, pausing at each, sliding along obstacles.
 */
export function Visitors({ count = 0, layout, geom, seed = 1, runtime }: VisitorsProps) {
  const geos = useMemo(() => buildCrowdGeometries('merged'), []);
  const shadowMaterial = useMemo(createBlobShadowMaterial, []);
  useEffect(
    () => () => {
      disposeCrowdGeometries(geos);
      shadowMaterial.dispose();
    },
    [geos, shadowMaterial],
  );

  const sim = useMemo(() => {
    const rnd = mulberry32(seed);
    const n = count;
    const s = {
      rnd,
      x: new Float32Array(n),
      z: new Float32Array(n),
      tx: new Float32Array(n),
      tz: new Float32Array(n),
      heading: new Float32Array(n),
      wait: new Float32Array(n),
      stuck: new Float32Array(n),
      speed: new Float32Array(n),
      phase: new Float32Array(n),
      hijab: [] as number[],
      plain: [] as number[],
      slot: new Int32Array(n),
    };
    const pick = (i: number) => {
      if (rnd() < 0.45 && geom.spotList.length > 0) {
        const spot = geom.spotList[Math.floor(rnd() * geom.spotList.length)];
        s.tx[i] = spot.x + spot.frontX * (0.4 + rnd() * 1.6) + (rnd() - 0.5) * 1.2;
        s.tz[i] = spot.z + spot.frontZ * (0.4 + rnd() * 1.6) + (rnd() - 0.5) * 1.2;
        if (isWalkable(geom, s.tx[i], s.tz[i], 0.3)) return;
      }
      for (let k = 0; k < 20; k++) {
        const b = geom.bounds;
        const x = b.minX + 1 + rnd() * (b.maxX - b.minX - 2);
        const z = b.minZ + 1 + rnd() * (b.maxZ - b.minZ - 2);
        if (isWalkable(geom, x, z, 0.3)) {
          s.tx[i] = x;
          s.tz[i] = z;
          return;
        }
      }
      s.tx[i] = layout.spawn.x;
      s.tz[i] = layout.spawn.z;
    };
    for (let i = 0; i < n; i++) {
      pick(i);
      s.x[i] = s.tx[i];
      s.z[i] = s.tz[i];
      pick(i);
      s.speed[i] = SPEED * (0.75 + rnd() * 0.5);
      s.phase[i] = rnd() * 10;
      s.wait[i] = rnd() * 3;
      const list = rnd() < 0.4 ? s.hijab : s.plain;
      s.slot[i] = list.length;
      list.push(i);
    }
    return { ...s, pick };
  }, [count, seed, geom, layout.spawn.x, layout.spawn.z]);

  // One draw call per part for the whole crowd (world/packedMesh.ts).
  const { shirt, base, head, hair, hijab, shadow } = usePackedMeshes(() => {
    const material = solidMaterial();
    const n = Math.max(0, count);
    return {
      shadow: new PackedMesh(geos.shadow, shadowMaterial, n),
      shirt: new PackedMesh(geos.shirt, material, n),
      base: new PackedMesh(geos.base, material, n),
      head: new PackedMesh(geos.head, material, n),
      hair: sim.plain.length > 0 ? new PackedMesh(geos.hair, material, sim.plain.length) : null,
      hijab: sim.hijab.length > 0 ? new PackedMesh(geos.hijab, material, sim.hijab.length) : null,
    };
  }, [geos, shadowMaterial, count, sim]);

  useLayoutEffect(() => {
    for (let i = 0; i < count; i++) {
      shirt.setColorAt(i, color.set(SHIRT_COLORS[(i * 7 + 3) % SHIRT_COLORS.length]));
      head.setColorAt(i, color.set(PALETTE.skin[(i * 5 + 2) % PALETTE.skin.length]));
    }
    sim.hijab.forEach((v, k) => hijab?.setColorAt(k, color.set(HIJAB_COLORS[(v * 3 + 1) % HIJAB_COLORS.length])));
  }, [count, sim, shirt, head, hijab]);

  useFrame(({ clock }, delta) => {
    if (count > 0) keepAwake(runtime);
    const dt = Math.min(delta, 0.1);
    const t = clock.elapsedTime;
    const k = 1 - Math.exp(-dt * 6);
    for (let i = 0; i < count; i++) {
      let walking = false;
      if (sim.wait[i] > 0) {
        sim.wait[i] -= dt;
      } else {
        const dx = sim.tx[i] - sim.x[i];
        const dz = sim.tz[i] - sim.z[i];
        const dist = Math.hypot(dx, dz);
        if (dist < 0.15) {
          sim.wait[i] = 1.5 + sim.rnd() * 6;
          sim.pick(i);
        } else {
          const step = Math.min(dist, sim.speed[i] * dt);
          from.x = sim.x[i];
          from.z = sim.z[i];
          to.x = from.x + (dx / dist) * step;
          to.z = from.z + (dz / dist) * step;
          resolveMove(geom, from, to, 0.3, out);
          const moved = Math.hypot(out.x - from.x, out.z - from.z);
          sim.stuck[i] = moved < step * 0.3 ? sim.stuck[i] + dt : 0;
          if (sim.stuck[i] > 0.5) {
            sim.stuck[i] = 0;
            sim.pick(i);
          }
          sim.x[i] = out.x;
          sim.z[i] = out.z;
          if (moved > 1e-4) {
            const want = Math.atan2(out.x - from.x, out.z - from.z);
            let diff = want - sim.heading[i];
            diff = Math.atan2(Math.sin(diff), Math.cos(diff));
            sim.heading[i] += diff * k;
            walking = true;
          }
        }
      }
      const bob = walking ? Math.abs(Math.sin(t * 7 + sim.phase[i])) * 0.035 : 0;
      dummy.position.set(sim.x[i], bob, sim.z[i]);
      dummy.rotation.set(0, sim.heading[i], walking ? Math.sin(t * 7 + sim.phase[i]) * 0.03 : 0);
      dummy.scale.set(1, 1, 1);
      dummy.updateMatrix();
      shirt.setMatrixAt(i, dummy.matrix);
      base.setMatrixAt(i, dummy.matrix);
      head.setMatrixAt(i, dummy.matrix);
      if (sim.slot[i] >= 0) {
        const wear = sim.hijab[sim.slot[i]] === i ? hijab : hair;
        wear?.setMatrixAt(sim.slot[i], dummy.matrix);
      }
      dummy.position.set(sim.x[i], 0.012, sim.z[i]);
      dummy.rotation.set(0, 0, 0);
      dummy.updateMatrix();
      shadow.setMatrixAt(i, dummy.matrix);
    }
  });

  if (count <= 0) return null;
  return (
    <group name={PART.visitors}>
      <primitive object={shadow} renderOrder={1} />
      <primitive object={shirt} />
      <primitive object={base} />
      <primitive object={head} />
      {hair && <primitive object={hair} />}
      {hijab && <primitive object={hijab} />}
    </group>
  );
}
