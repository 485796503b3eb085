import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, Object3D } from 'three';
import type { Desk, HallGeometry } from '../../../shared/hall';
import { displayPosition, DISPLAY_H } from './buildDeskMesh';
import { brightMaterial, solidMaterial } from '../hall/materials';
import { MeshBuilder } from '../hall/meshBuilder';
import { PackedMesh, usePackedMeshes } from '../packedMesh';
import { HIJAB_COLORS, PALETTE } from '../hall/palette';
import { addArmsSkin, addHair, addHead, addHijab, addLowerBody, addPeci, addShirt } from '../visitors/personGeometry';
import type { WorldRuntime } from '../runtime';
import type { CounterStatus } from '../types';
import { PART } from '../parts';

export interface OfficersProps {
  /** Every desk (counters and the info desk); one officer stands behind each. */
  desks: readonly Desk[];
  /** Spots and officer positions, from hallGeometry(). */
  geom: HallGeometry;
  /** Status by desk code; missing = self_service. Drives the status lamp colour. */
  status: Record<string, CounterStatus>;
  /** Read each frame: the officer at the desk the player is near looks at the player. */
  runtime: WorldRuntime;
}

type Headwear = 'hijab' | 'peci' | 'hair';
const HEADWEAR: Headwear[] = ['hijab', 'peci', 'hijab', 'hair', 'peci', 'hijab', 'hair'];

/** Which look each officer gets: deterministic by desk index, so reloads look the same. */
function officerLook(i: number) {
  return {
    headwear: HEADWEAR[i % HEADWEAR.length],
    skin: PALETTE.skin[(i * 3 + 1) % PALETTE.skin.length],
    hijab: HIJAB_COLORS[(i * 5) % HIJAB_COLORS.length],
    phase: i * 1.37,
  };
}

function buildGeometries() {
  const body = new MeshBuilder();
  addShirt(body, PALETTE.khaki, true);
  addLowerBody(body, PALETTE.khakiDark, true);
  addArmsSkin(body, '#c48d62', true);
  const head = new MeshBuilder();
  addHead(head, '#ffffff');
  const hair = new MeshBuilder();
  addHair(hair, PALETTE.hair, false);
  const hijab = new MeshBuilder();
  addHijab(hijab, '#ffffff');
  const peci = new MeshBuilder();
  addPeci(peci);
  peci.box(0.24, 0.1, 0.06, PALETTE.hair, { y: 1.68, z: -0.11 });
  return { body: body.build(), head: head.build(), hair: hair.build(), hijab: hijab.build(), peci: peci.build(), lamp: new MeshBuilder().sphere(0.075, '#ffffff', {}, 10, 8).build() };
}

const dummy = new Object3D();
const color = new Color();

/**
 * Procedural low-poly civil servants (khaki PNS uniform; hijab, peci or bare head; four
 * skin tones), all officers drawn by six instanced meshes. Idle animation: breathing and
 * glances; the officer at the player's desk turns to face the player. The status lamp on
 * each desk is green when staff are on duty, amber for the 24-hour self-service officer.
 */
export function Officers({ desks, geom, status, runtime }: OfficersProps) {
  const geos = useMemo(buildGeometries, []);
  useEffect(() => () => Object.values(geos).forEach((g) => g.dispose()), [geos]);

  const looks = useMemo(() => desks.map((_, i) => officerLook(i)), [desks]);
  const groups = useMemo(() => {
    const idx = { hijab: [] as number[], peci: [] as number[], hair: [] as number[] };
    const slot = new Int32Array(looks.length);
    looks.forEach((l, i) => {
      slot[i] = idx[l.headwear].length;
      idx[l.headwear].push(i);
    });
    return { ...idx, slot };
  }, [looks]);
  const headYaw = useMemo(() => new Float32Array(desks.length), [desks.length]);

  // One draw call per part for all the officers (world/packedMesh.ts).
  const { body, head, hair, hijab, peci, lamp } = usePackedMeshes(() => {
    const n = desks.length;
    return {
      body: new PackedMesh(geos.body, solidMaterial(), n),
      head: new PackedMesh(geos.head, solidMaterial(), n),
      hair: groups.hair.length > 0 ? new PackedMesh(geos.hair, solidMaterial(), groups.hair.length) : null,
      hijab: groups.hijab.length > 0 ? new PackedMesh(geos.hijab, solidMaterial(), groups.hijab.length) : null,
      peci: groups.peci.length > 0 ? new PackedMesh(geos.peci, solidMaterial(), groups.peci.length) : null,
      lamp: new PackedMesh(geos.lamp, brightMaterial(), n),
    };
  }, [geos, desks.length, groups]);

  useLayoutEffect(() => {
    looks.forEach((l, i) => head.setColorAt(i, color.set(l.skin)));
    groups.hijab.forEach((d, k) => hijab?.setColorAt(k, color.set(looks[d].hijab)));
  }, [looks, groups, head, hijab]);

  // Lamps stand still: placed when the status changes; an on-duty lamp is green and larger.
  useLayoutEffect(() => {
    desks.forEach((d, i) => {
      const live = status[d.code] === 'on_duty';
      const [qx, qy, qz] = displayPosition(d.width);
      const r = (d.rotation * Math.PI) / 180;
      const lx = qx - 0.6;
      dummy.position.set(d.x + lx * Math.cos(r) + qz * Math.sin(r), qy - DISPLAY_H / 2 + (live ? 0.09 : 0.06), d.z - lx * Math.sin(r) + qz * Math.cos(r));
      dummy.rotation.set(0, 0, 0);
      dummy.scale.setScalar(live ? 1.5 : 1);
      dummy.updateMatrix();
      lamp.setMatrixAt(i, dummy.matrix);
      lamp.setColorAt(i, color.set(live ? PALETTE.onDuty : PALETTE.selfService));
    });
  }, [desks, status, lamp]);

  useFrame(({ clock }, dt) => {
    const t = clock.elapsedTime;
    const k = 1 - Math.exp(-dt * 4);
    for (let i = 0; i < desks.length; i++) {
      const d = desks[i];
      const spot = geom.spots[d.code];
      const look = looks[i];
      const yaw = (d.rotation * Math.PI) / 180;
      const breathe = 1 + 0.014 * Math.sin(t * 1.7 + look.phase);
      dummy.position.set(spot.officerX, 0, spot.officerZ);
      dummy.rotation.set(0, yaw, 0);
      dummy.scale.set(1, breathe, 1);
      dummy.updateMatrix();
      body.setMatrixAt(i, dummy.matrix);

      let target = 0.45 * Math.sin(t * 0.37 + look.phase) * Math.max(0, Math.sin(t * 0.19 + look.phase * 2));
      if (runtime.near === d.code) {
        const toPlayer = Math.atan2(runtime.player.x - spot.officerX, runtime.player.z - spot.officerZ) - yaw;
        target = Math.max(-1, Math.min(1, Math.atan2(Math.sin(toPlayer), Math.cos(toPlayer))));
      }
      headYaw[i] += (target - headYaw[i]) * k;
      dummy.position.y = (breathe - 1) * 1.45;
      dummy.rotation.set(0, yaw + headYaw[i], 0);
      dummy.scale.set(1, 1, 1);
      dummy.updateMatrix();
      head.setMatrixAt(i, dummy.matrix);
      const wear = look.headwear === 'hijab' ? hijab : look.headwear === 'peci' ? peci : hair;
      wear?.setMatrixAt(groups.slot[i], dummy.matrix);
    }
  });

  return (
    <group name={PART.officers}>
      <primitive object={body} />
      <primitive object={head} />
      {hair && <primitive object={hair} />}
      {hijab && <primitive object={hijab} />}
      {peci && <primitive object={peci} />}
      <primitive object={lamp} />
    </group>
  );
}
