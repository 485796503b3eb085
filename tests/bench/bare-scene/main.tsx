/**
 * The world bench's reference (tests/bench/world.ts): one lit box in a react-three-fiber
 * Canvas with the hall's Canvas settings (src/client/world/World.tsx: frame loop, flat,
 * camera; antialias and power preference from the same worldGlOptions()), at the device pixel ratio the hall's canvas used
 * (`?dpr=`). Built by the bench into .tmp/bench-bare; never part of the app.
 */
import { Canvas, useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Mesh } from 'three';
import { worldGlOptions } from '../../../src/client/world/glOptions';

declare global {
  interface Window {
    /** performance.now() at the second frame, as the hall's onReady (StatsProbe) is. */
    __bareFirstFrame?: number;
  }
}

const dpr = Number(new URLSearchParams(location.search).get('dpr')) || 1;

function Box() {
  const mesh = useRef<Mesh>(null);
  const frames = useRef(0);
  useFrame((_, delta) => {
    if (mesh.current) mesh.current.rotation.y += delta * 0.5;
    frames.current += 1;
    if (frames.current === 2) {
      window.__bareFirstFrame = performance.now();
      document.body.dataset.ready = '1';
    }
  });
  return (
    <mesh ref={mesh} position={[0, 1, 0]}>
      <boxGeometry args={[1.5, 1.5, 1.5]} />
      <meshLambertMaterial color="#2e86ab" />
    </mesh>
  );
}

createRoot(document.getElementById('root')!).render(
  <Canvas
    frameloop="always"
    dpr={dpr}
    flat
    gl={worldGlOptions()}
    camera={{ fov: 50, near: 0.1, far: 120, position: [0, 4, 6] }}
    style={{ position: 'absolute', inset: 0 }}
  >
    <color attach="background" args={['#dfe6ea']} />
    <ambientLight intensity={0.6} />
    <directionalLight position={[5, 10, 5]} intensity={1.2} />
    <Box />
  </Canvas>,
);
