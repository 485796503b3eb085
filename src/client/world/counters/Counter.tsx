import { useEffect, useMemo } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { AgencySummary } from '../../../shared/catalog';
import { DESK_DEPTH, STAFF_DEPTH, type CounterSlot } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { buildDeskMesh, DISPLAY_W, displayPosition, SIGN_HEIGHT, SIGN_Y, SIGN_Z, signWidth } from './buildDeskMesh';
import { fitFontSize, statusLabel, WORLD_LABELS } from '../signs/labels';
import { bakedMaterial, hitMaterial } from '../hall/materials';
import { bakeLighting } from '../hall/lighting';
import { PALETTE } from '../hall/palette';
import { SignText } from '../signs/SignText';
import type { CounterStatus } from '../types';
import { PART } from '../parts';

export interface CounterProps {
  /** The slot from scenes/hall.json. */
  slot: CounterSlot;
  /** The agency served here (sign colour and name). */
  agency: AgencySummary;
  /** Sign language. */
  lang: Lang;
  /** Live officer or self-service; drives the display colour. */
  status: CounterStatus;
  /** Queue number shown on the display; default: the status ("BUKA" / "MANDIRI 24 JAM"). */
  queueText?: string;
  /** Whether the counter backs onto a wall (back panel) or stands free (sign posts). */
  againstWall: boolean;
  /** Called when the desk or its officer is clicked/tapped. */
  onSelect(code: string): void;
}

/** A loket: desk, agency sign with short name and loket number, and the queue display. */
export function Counter({ slot, agency, lang, status, queueText, againstWall, onSelect }: CounterProps) {
  const geometry = useMemo(
    () => bakeLighting(buildDeskMesh({ width: slot.width, color: agency.color, againstWall, accent: agency.general }), (slot.rotation * Math.PI) / 180),
    [slot.width, slot.rotation, agency.color, againstWall, agency.general],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);

  const sw = signWidth(slot.width);
  const name = agency.short_name[lang];
  const display = queueText ?? statusLabel(status, lang);
  const [qx, qy, qz] = displayPosition(slot.width);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    onSelect(slot.code);
  };

  return (
    <group name={PART.desks} position={[slot.x, 0, slot.z]} rotation={[0, (slot.rotation * Math.PI) / 180, 0]}>
      <mesh geometry={geometry} material={bakedMaterial()} />
      <SignText position={[0, SIGN_Y + SIGN_HEIGHT * 0.26, SIGN_Z + 0.05]} fontSize={0.17} letterSpacing={0.12} color="#fff6dc">
        {`${WORLD_LABELS.loket[lang]} ${slot.loket}`}
      </SignText>
      <SignText position={[0, SIGN_Y - SIGN_HEIGHT * 0.12, SIGN_Z + 0.05]} fontSize={fitFontSize(name, sw - 0.3, 0.34)} maxWidth={sw - 0.3}>
        {name}
      </SignText>
      <SignText
        position={[qx, qy, qz + 0.015]}
        rotation={[-0.12, 0, 0]}
        fontSize={fitFontSize(display, DISPLAY_W - 0.1, display.includes('\n') ? 0.14 : 0.22)}
        maxWidth={DISPLAY_W - 0.1}
        color={status === 'on_duty' ? PALETTE.onDuty : PALETTE.selfService}
      >
        {display}
      </SignText>
      <mesh material={hitMaterial()} position={[0, 1.2, -STAFF_DEPTH / 2]} onClick={onClick}>
        <boxGeometry args={[slot.width, 2.4, DESK_DEPTH + STAFF_DEPTH]} />
      </mesh>
    </group>
  );
}
