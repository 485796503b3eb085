import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Mesh, type Object3D } from 'three';
import { isWalkable, type HallGeometry } from '../../shared/hall';
import type { SignReading, WorldRuntime } from './runtime';
import { keepAwake } from './pacing';
import { SignTextMesh, textsWaitingForFont } from './signs/SignTextMesh';
import type { PartName } from './parts';

/** What benchmarks and e2e tests read from `window.__makaverseWorld`. */
export interface MakaverseWorldProbe {
  /** Draw calls, triangles of the last rendered frame; live geometries and textures. */
  stats(): { calls: number; triangles: number; geometries: number; textures: number };
  player(): { x: number; z: number };
  /** Service spot (where a citizen stands) of every desk, by code ('info' for the info desk). */
  counters(): Record<string, { x: number; z: number }>;
  /** Remote (network) visitors drawn in the last frame. */
  remoteCount(): number;
  /** Every counter sign as the camera sees it now (painted name height, DOM label). */
  signs(): Record<string, SignReading>;
  /** Visible texts painted (`shown`, what they say), and texts still waiting for the sign font. */
  texts(): { painted: number; waiting: number; shown: string[] };
  /** Frames rendered since mount. */
  frames: number;
  /**
   * Bench only: stops drawing the named parts (world/parts.ts; 'all' = every mesh) and draws
   * again what an earlier call hid; returns how many meshes are hidden. By layer, so the
   * components that show and hide their meshes every frame cannot draw them again.
   */
  hideParts(names: readonly (PartName | 'all')[]): number;
  /** Tests only: puts the player at (x, z) if that spot is walkable (else returns false); cancels any walk. */
  teleport(x: number, z: number): boolean;
}

declare global {
  interface Window {
    __makaverseWorld?: MakaverseWorldProbe;
  }
}

export interface StatsProbeProps {
  /** Frame counter and stats are written here. */
  runtime: WorldRuntime;
  /** For counters(). */
  geom: HallGeometry;
  /** Called once, after the first frame with the whole scene (every sign's text laid out) has rendered. */
  onReady?: () => void;
}

/** For the probe: the visible texts painted (and what they say), and the texts still waiting for the sign font. */
function countTexts(scene: Object3D): { painted: number; waiting: number; shown: string[] } {
  const shown: string[] = [];
  scene.traverseVisible((o) => {
    if (o instanceof SignTextMesh && o.text) shown.push(o.text);
  });
  return { painted: shown.length, waiting: textsWaitingForFont(), shown };
}

/** A layer the camera does not draw (it draws layer 0). */
const HIDDEN_LAYER = 31;

function hideParts(scene: Object3D, names: readonly (PartName | 'all')[]): number {
  const hiding = new Set<string>(names);
  let hidden = 0;
  scene.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    let hide = hiding.has('all');
    for (let p: Object3D | null = o; p && !hide; p = p.parent) hide = hiding.has(p.name);
    if (hide) {
      o.layers.set(HIDDEN_LAYER);
      hidden += 1;
    } else if (o.layers.isEnabled(HIDDEN_LAYER)) o.layers.set(0);
  });
  return hidden;
}

/** A text that never finishes must not keep the hall hidden for good. */
const TEXT_WAIT_MS = 20_000;

/**
 * Reads renderer.info once per frame (autoReset is off, so the numbers cover exactly the
 * previous frame), counts frames, fires onReady and exposes the probe on window.
 */
export function StatsProbe({ runtime, geom, onReady }: StatsProbeProps) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const ready = useRef(onReady);
  ready.current = onReady;
  // The frame that was drawn with every text laid out (-1: not yet), and when frames began.
  const textsDrawnAt = useRef(-1);
  const firstFrameAt = useRef(0);

  useEffect(() => {
    gl.info.autoReset = false;
    gl.info.reset();
    const probe: MakaverseWorldProbe = {
      stats: () => ({ ...runtime.stats }),
      player: () => ({ x: runtime.player.x, z: runtime.player.z }),
      remoteCount: () => runtime.remoteDrawn,
      signs: () => structuredClone(runtime.signs),
      counters: () => Object.fromEntries(geom.spotList.map((s) => [s.code, { x: s.x, z: s.z }])),
      texts: () => countTexts(scene),
      frames: 0,
      hideParts: (names) => hideParts(scene, names),
      teleport: (x, z) => {
        if (!isWalkable(geom, x, z)) return false;
        runtime.player.x = x;
        runtime.player.z = z;
        runtime.target.active = false;
        return true;
      },
    };
    window.__makaverseWorld = probe;
    return () => {
      if (window.__makaverseWorld === probe) delete window.__makaverseWorld;
    };
  }, [gl, scene, runtime, geom]);

  useFrame(() => {
    const info = gl.info;
    const st = runtime.stats;
    if (info.render.frame > 0 || runtime.frames > 0) {
      st.calls = info.render.calls;
      st.triangles = info.render.triangles;
    }
    st.geometries = info.memory.geometries;
    st.textures = info.memory.textures;
    info.reset();
    runtime.frames++;
    const probe = window.__makaverseWorld;
    if (probe) probe.frames = runtime.frames;
    // Until ready, every display frame is drawn: a first frame is dear (shaders compile), and
    // the idle beat it would earn (pacing.ts) could hold the finished hall hidden for a second.
    if (textsDrawnAt.current !== Infinity) keepAwake(runtime);
    if (textsDrawnAt.current < 0) {
      // This frame (rendered right after these callbacks) shows every text: ready after it is drawn.
      if (runtime.frames === 1) firstFrameAt.current = performance.now();
      if (textsWaitingForFont() === 0 || performance.now() - firstFrameAt.current > TEXT_WAIT_MS) textsDrawnAt.current = runtime.frames;
    } else if (runtime.frames > textsDrawnAt.current && runtime.frames >= 2) {
      textsDrawnAt.current = Infinity;
      performance.mark('world:ready');
      ready.current?.();
    }
  });
  return null;
}
