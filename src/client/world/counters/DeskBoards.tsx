import { useEffect, useLayoutEffect, useMemo } from 'react';
import { Color, Object3D } from 'three';
import type { Desk, Vec2 } from '../../../shared/hall';
import { BOARD_D, BOARD_W, boardPlacements, boardText, type DeskBoard } from './boardLayout';
import { SignFontText } from '../signs/SignFontText';
import { fitFontSize } from '../signs/labels';
import { brightMaterial } from '../hall/materials';
import { MeshBuilder } from '../hall/meshBuilder';
import { PackedMesh, usePackedMeshes } from '../packedMesh';
import { PALETTE } from '../hall/palette';
import type { CounterStatus } from '../types';

export type { DeskBoard } from './boardLayout';

export interface DeskBoardsProps {
  /** Every desk; a board lies in front of those with an entry in `boards`. */
  desks: readonly Desk[];
  /** The hall's pillars: no board lies where one stands or hides it. */
  pillars: readonly Vec2[];
  /** Board text by desk code. */
  boards: Record<string, DeskBoard>;
  /** Status by desk code; missing = self_service. On duty: a bright green frame; self-service: amber. */
  status: Record<string, CounterStatus>;
}

const FRAME = 0.16;
const LINE_HEIGHT = 1.2;
const LIFT = 0.03;
const PLATE = '#16243b';
const DETAIL_ON = '#6ee7a0';
const DETAIL_SELF = '#fbc25a';

const dummy = new Object3D();
const hidden = new Object3D();
hidden.scale.setScalar(0);
hidden.updateMatrix();
const color = new Color();

/**
 * Big labels painted on the floor in front of each desk, for the view from above: the
 * counter's name and its queue, on a dark plate framed green (officer on duty) or amber
 * (self-service). Lying flat and reading from the south, they never cover a desk or its
 * officer. Two instanced meshes for every plate and frame; one text per board.
 */
export function DeskBoards({ desks, pillars, boards, status }: DeskBoardsProps) {
  const places = useMemo(() => boardPlacements(desks, pillars), [desks, pillars]);
  const geos = useMemo(() => {
    const plate = new MeshBuilder().box(BOARD_W - FRAME * 2, 0.02, BOARD_D - FRAME * 2, PLATE).build();
    const frame = new MeshBuilder()
      .box(BOARD_W, 0.015, FRAME, '#ffffff', { z: -(BOARD_D - FRAME) / 2 })
      .box(BOARD_W, 0.015, FRAME, '#ffffff', { z: (BOARD_D - FRAME) / 2 })
      .box(FRAME, 0.015, BOARD_D - FRAME * 2, '#ffffff', { x: -(BOARD_W - FRAME) / 2 })
      .box(FRAME, 0.015, BOARD_D - FRAME * 2, '#ffffff', { x: (BOARD_W - FRAME) / 2 })
      .build();
    return { plate, frame };
  }, []);
  useEffect(
    () => () => {
      geos.plate.dispose();
      geos.frame.dispose();
    },
    [geos],
  );
  // One draw call each for every board's plate and frame (world/packedMesh.ts).
  const { plate, frame } = usePackedMeshes(() => {
    const n = Math.max(1, desks.length);
    return { plate: new PackedMesh(geos.plate, brightMaterial(), n), frame: new PackedMesh(geos.frame, brightMaterial(), n) };
  }, [geos, desks.length]);
  const shown = desks.filter((d) => boards[d.code]);

  useLayoutEffect(() => {
    desks.forEach((d, i) => {
      if (!boards[d.code]) {
        plate.setMatrixAt(i, hidden.matrix);
        frame.setMatrixAt(i, hidden.matrix);
        return;
      }
      const [x, z] = places[d.code];
      dummy.position.set(x, LIFT, z);
      dummy.updateMatrix();
      plate.setMatrixAt(i, dummy.matrix);
      frame.setMatrixAt(i, dummy.matrix);
      frame.setColorAt(i, color.set(status[d.code] === 'on_duty' ? PALETTE.onDuty : PALETTE.selfService));
    });
  }, [desks, places, boards, status, plate, frame]);

  return (
    <group>
      <primitive object={plate} />
      <primitive object={frame} />
      {shown.map((d) => {
        const b = boards[d.code];
        const [x, z] = places[d.code];
        const { text, lines, detailLine } = boardText(b);
        const lineColors: Record<number, string> = {};
        for (let i = detailLine; i < lines; i++) lineColors[i] = status[d.code] === 'on_duty' ? DETAIL_ON : DETAIL_SELF;
        const size = Math.min(fitFontSize(text, BOARD_W - FRAME * 2 - 0.3, 0.7), (BOARD_D - FRAME * 2 - 0.2) / (lines * LINE_HEIGHT));
        // One text (one draw call) per board, the detail's lines in the status colour.
        return (
          <SignFontText
            key={d.code}
            position={[x, LIFT + 0.02, z]}
            rotation={[-Math.PI / 2, 0, 0]}
            fontSize={size}
            lineHeight={LINE_HEIGHT}
            maxWidth={BOARD_W - FRAME * 2 - 0.3}
            lineColors={lineColors}
          >
            {text}
          </SignFontText>
        );
      })}
    </group>
  );
}
