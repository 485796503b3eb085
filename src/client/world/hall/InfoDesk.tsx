import { useEffect, useMemo } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { DESK_DEPTH, STAFF_DEPTH, type InfoDesk as InfoDeskSlot } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { buildDeskMesh, DISPLAY_W, displayPosition, SIGN_HEIGHT, SIGN_Y, SIGN_Z, signWidth } from '../counters/buildDeskMesh';
import { fitFontSize, statusLabel, WORLD_LABELS } from '../signs/labels';
import { bakedMaterial, hitMaterial } from './materials';
import { bakeLighting } from './lighting';
import { PALETTE } from './palette';
import { SignText } from '../signs/SignText';
import type { CounterStatus } from '../types';
import { PART } from '../parts';

export interface InfoDeskProps {
  /** The info desk from scenes/hall.json. */
  desk: InfoDeskSlot;
  /** Sign language. */
  lang: Lang;
  /** Live officer or self-service; drives the display colour. */
  status: CounterStatus;
  /** Text on the display; default: the status. */
  queueText?: string;
  /** Called when the desk or its officer is clicked/tapped. */
  onSelect(code: string): void;
}

/** The information desk by the entrance, where queue tickets and reports are tracked. */
export function InfoDesk({ desk, lang, status, queueText, onSelect }: InfoDeskProps) {
  const geometry = useMemo(
    () => bakeLighting(buildDeskMesh({ width: desk.width, color: PALETTE.red, againstWall: false, accent: false }), (desk.rotation * Math.PI) / 180),
    [desk.width, desk.rotation],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  const sw = signWidth(desk.width);
  const label = desk.label[lang].toUpperCase();
  const display = queueText ?? statusLabel(status, lang);
  const [qx, qy, qz] = displayPosition(desk.width);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    onSelect(desk.code);
  };
  return (
    <group name={PART.desks} position={[desk.x, 0, desk.z]} rotation={[0, (desk.rotation * Math.PI) / 180, 0]}>
      <mesh geometry={geometry} material={bakedMaterial()} />
      <SignText position={[0, SIGN_Y + SIGN_HEIGHT * 0.1, SIGN_Z + 0.05]} fontSize={fitFontSize(label, sw - 0.4, 0.42)} maxWidth={sw - 0.4} letterSpacing={0.06}>
        {label}
      </SignText>
      <SignText position={[0, SIGN_Y - SIGN_HEIGHT * 0.3, SIGN_Z + 0.05]} fontSize={0.13} letterSpacing={0.08} color="#ffe9b8">
        {WORLD_LABELS.infoLine[lang]}
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
        <boxGeometry args={[desk.width, 2.4, DESK_DEPTH + STAFF_DEPTH]} />
      </mesh>
    </group>
  );
}
