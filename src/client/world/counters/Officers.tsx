import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, type InstancedMesh, Object3D } from 'three';
import type { Desk, HallGeometry } from '../../../shared/hall';
import { displayPosition, DISPLAY_H } from './buildDeskMesh';
import { brightMaterial, solidMaterial } from '../hall/materials';
import { MeshBuilder } from '../hall/meshBuilder';
import { HIJAB_COLORS, PALETTE } from '../hall/palette';
import { addArmsSkin, addHair, addHead, addHijab, addLowerBody, addPeci, addShirt } from '../visitors/personGeometry';
import type { WorldRuntime } from '../runtime';
import type { CounterStatus } from '../types';

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

  const body = useRef<InstancedMesh>(null);
  const head = useRef<InstancedMesh>(null);
  const hair = useRef<InstancedMesh>(null);
  const hijab = useRef<InstancedMesh>(null);
  const peci = useRef<InstancedMesh>(null);
  const lamp = useRef<InstancedMesh>(null);

  useLayoutEffect(() => {
    looks.forEach((l, i) => head.current?.setColorAt(i, color.set(l.skin)));
    groups.hijab.forEach((d, k) => hijab.current?.setColorAt(k, color.set(looks[d].hijab)));
    if (head.current?.instanceColor) head.current.instanceColor.needsUpdate = true;
    if (hijab.current?.instanceColor) hijab.current.instanceColor.needsUpdate = true;
  }, [looks, groups]);

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
      lamp.current?.setMatrixAt(i, dummy.matrix);
      lamp.current?.setColorAt(i, color.set(live ? PALETTE.onDuty : PALETTE.selfService));
    });
    if (lamp.current) lamp.current.instanceMatrix.needsUpdate = true;
    if (lamp.current?.instanceColor) lamp.current.instanceColor.needsUpdate = true;
  }, [desks, status]);

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
      body.current?.setMatrixAt(i, dummy.matrix);

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
      head.current?.setMatrixAt(i, dummy.matrix);
      const wear = look.headwear === 'hijab' ? hijab.current : look.headwear === 'peci' ? peci.current : hair.current;
      wear?.setMatrixAt(groups.slot[i], dummy.matrix);
    }
    if (body.current) body.current.instanceMatrix.needsUpdate = true;
    if (head.current) head.current.instanceMatrix.needsUpdate = true;
    if (hair.current) hair.current.instanceMatrix.needsUpdate = true;
    if (hijab.current) hijab.current.instanceMatrix.needsUpdate = true;
    if (peci.current) peci.current.instanceMatrix.needsUpdate = true;
  });

  const n = desks.length;
  return (
    <group>
      <instancedMesh ref={body} args={[geos.body, solidMaterial(), n]} frustumCulled={false} />
      <instancedMesh ref={head} args={[geos.head, solidMaterial(), n]} frustumCulled={false} />
      {groups.hair.length > 0 && <instancedMesh ref={hair} args={[geos.hair, solidMaterial(), groups.hair.length]} frustumCulled={false} />}
      {groups.hijab.length > 0 && <instancedMesh ref={hijab} args={[geos.hijab, solidMaterial(), groups.hijab.length]} frustumCulled={false} />}
      {groups.peci.length > 0 && <instancedMesh ref={peci} args={[geos.peci, solidMaterial(), groups.peci.length]} frustumCulled={false} />}
      <instancedMesh ref={lamp} args={[geos.lamp, brightMaterial(), n]} frustumCulled={false} />
    </group>
  );
}
