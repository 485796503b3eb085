import { useEffect, useLayoutEffect, useMemo } from 'react';
import { Matrix4, Object3D } from 'three';
import type { Desk } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { DESK_HEIGHT, displayPosition } from './buildDeskMesh';
import { fitFontSize, nameLine, WORLD_LABELS } from '../signs/labels';
import { solidMaterial } from '../hall/materials';
import { MeshBuilder } from '../hall/meshBuilder';
import { PackedMesh, usePackedMeshes } from '../packedMesh';
import { PALETTE } from '../hall/palette';
import { SignText } from '../signs/SignText';

export interface OfficerNamePlatesProps {
  /** Every desk; a plate stands on those with a name. */
  desks: readonly Desk[];
  /** Officer display name by desk code; missing or '' = no plate. */
  names: Record<string, string>;
  /** Language of the "PETUGAS" / "OFFICER" line. */
  lang: Lang;
}

export const PLATE_W = 1.0;
export const PLATE_H = 0.3;
const TILT = -0.12;

/** Where the plate stands in the desk's frame: the desk top's left end, mirroring the queue display. */
export function platePosition(width: number): [number, number, number] {
  const [qx, , qz] = displayPosition(width);
  return [-qx, DESK_HEIGHT + 0.2, qz];
}

const dummy = new Object3D();
const hidden = new Matrix4().makeScale(0, 0, 0);
const MAX_NAME = 22;

/**
 * The name of the officer on duty, on a white plate on the desk top (left end, where the
 * speech bubble and the citizen's avatar do not cover it): one instanced mesh for every
 * plate, one text per named desk.
 */
export function OfficerNamePlates({ desks, names, lang }: OfficerNamePlatesProps) {
  const geometry = useMemo(() => {
    const b = new MeshBuilder();
    b.box(0.06, 0.2, 0.06, PALETTE.steel, { y: -PLATE_H / 2 - 0.07, z: -0.02 });
    b.box(PLATE_W + 0.05, PLATE_H + 0.05, 0.05, PALETTE.onDuty, { z: -0.03, rx: TILT });
    b.box(PLATE_W, PLATE_H, 0.02, PALETTE.white, { rx: TILT });
    return b.build();
  }, []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  // One draw call for every plate (world/packedMesh.ts).
  const { mesh } = usePackedMeshes(() => ({ mesh: new PackedMesh(geometry, solidMaterial(), Math.max(1, desks.length)) }), [geometry, desks.length]);
  const named = desks.filter((d) => (names[d.code] ?? '').trim() !== '');

  useLayoutEffect(() => {
    const m = mesh;
    desks.forEach((d, i) => {
      if ((names[d.code] ?? '').trim() === '') {
        m.setMatrixAt(i, hidden);
        return;
      }
      const [px, py, pz] = platePosition(d.width);
      const r = (d.rotation * Math.PI) / 180;
      dummy.position.set(d.x + px * Math.cos(r) + pz * Math.sin(r), py, d.z - px * Math.sin(r) + pz * Math.cos(r));
      dummy.rotation.set(0, r, 0);
      dummy.updateMatrix();
      m.setMatrixAt(i, dummy.matrix);
    });
    m.visible = desks.some((d) => (names[d.code] ?? '').trim() !== '');
  }, [desks, names, mesh]);

  return (
    <group>
      <primitive object={mesh} />
      {named.map((d) => {
        const [px, py, pz] = platePosition(d.width);
        const text = `${WORLD_LABELS.officer[lang]}\n${nameLine(names[d.code], MAX_NAME)}`;
        return (
          <group key={d.code} position={[d.x, 0, d.z]} rotation={[0, (d.rotation * Math.PI) / 180, 0]}>
            <SignText position={[px, py, pz + 0.015]} rotation={[TILT, 0, 0]} fontSize={fitFontSize(text, PLATE_W - 0.08, 0.1)} maxWidth={PLATE_W - 0.08} color="#1d2b45">
              {text}
            </SignText>
          </group>
        );
      })}
    </group>
  );
}
