import { useEffect, useMemo, useRef } from 'react';
import { type ThreeEvent, useFrame } from '@react-three/fiber';
import { type Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import { clampToWalkable, type HallGeometry } from '../../../shared/hall';
import { hitMaterial } from '../hall/materials';
import type { WorldRuntime } from '../runtime';

export interface GroundClickProps {
  /** Click/tap targets are written here. */
  runtime: WorldRuntime;
  /** Bounds for the floor plane and the clamp, from hallGeometry(). */
  geom: HallGeometry;
}

/** Click or tap on the floor to walk there; a pulsing ring marks the destination. */
export function GroundClick({ runtime, geom }: GroundClickProps) {
  const ring = useMemo(() => new RingGeometry(0.22, 0.32, 28).rotateX(-Math.PI / 2), []);
  const ringMaterial = useMemo(() => new MeshBasicMaterial({ color: '#e0a526', transparent: true, opacity: 0.85, depthWrite: false }), []);
  useEffect(
    () => () => {
      ring.dispose();
      ringMaterial.dispose();
    },
    [ring, ringMaterial],
  );
  const marker = useRef<Mesh>(null);
  const b = geom.bounds;

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!runtime.controlsEnabled) return;
    e.stopPropagation();
    const t = runtime.target;
    clampToWalkable(geom, e.point.x, e.point.z, geom.playerRadius, t);
    t.active = true;
    t.interact = null;
  };

  useFrame(({ clock }) => {
    const m = marker.current;
    if (!m) return;
    m.visible = runtime.target.active;
    if (m.visible) {
      m.position.set(runtime.target.x, 0.02, runtime.target.z);
      const s = 1 + 0.15 * Math.sin(clock.elapsedTime * 6);
      m.scale.set(s, 1, s);
    }
  });

  return (
    <group>
      <mesh material={hitMaterial()} rotation={[-Math.PI / 2, 0, 0]} position={[(b.minX + b.maxX) / 2, 0, (b.minZ + b.maxZ) / 2]} onClick={onClick}>
        <planeGeometry args={[b.maxX - b.minX, b.maxZ - b.minZ]} />
      </mesh>
      <mesh ref={marker} geometry={ring} material={ringMaterial} visible={false} renderOrder={2} />
    </group>
  );
}
