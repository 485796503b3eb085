import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Matrix4, Vector4 } from 'three';
import { createFrameRateWatch, frameDue, IDLE_FRAME_MS, idleBeatMs, keepAwake, matricesDiffer, type RateVerdict } from './pacing';
import type { WorldRuntime } from './runtime';
import { textsWaitingForFont } from './signs/SignTextMesh';

export interface FramePacerProps {
  runtime: WorldRuntime;
  /** Told when the hall, while moving, stays below 40 fps ('decline') or reaches 58 ('incline'), or keeps flipping ('fallback'). */
  onRate?: (verdict: Exclude<RateVerdict, null>) => void;
}

/**
 * The first frame waits for the texts (the sign font, signs/signFont.ts), at most this long, ms:
 * a frame without its signs would be thrown away, and where a CPU draws WebGL each frame holds
 * the page for tens of milliseconds.
 */
const FIRST_FRAME_TEXT_WAIT_MS = 3000;

/** What wakes the hall at once, before the frame that reacts to it. */
const WAKE_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'resize'] as const;

/** Whether the player is steered right now (keys, joystick, a walk to a place). */
function steered(runtime: WorldRuntime): boolean {
  const { keys, joystick, target } = runtime;
  return keys.up || keys.down || keys.left || keys.right || joystick.active || target.active || runtime.player.speed > 0;
}

/**
 * Drives the Canvas (frameloop="never") from its own requestAnimationFrame: a frame on every
 * display frame while anything moves, the idle beat otherwise (world/pacing.ts). The player's
 * controller and the visitors (remote, or the demo crowd) keep the hall awake while they move; a camera that moved
 * in the last frame keeps it awake; input wakes it before the frame that answers it.
 */
export function FramePacer({ runtime, onRate }: FramePacerProps) {
  const advance = useThree((s) => s.advance);
  const get = useThree((s) => s.get);
  const rate = useRef(onRate);
  rate.current = onRate;

  useEffect(() => {
    const seen = new Matrix4();
    const watch = createFrameRateWatch();
    let lastFrameAt = -Infinity;
    // Whether the last display frame drew (and was awake), and what a frame costs (smoothed).
    let drewLast = false;
    let awakeLast = false;
    let frameMs = IDLE_FRAME_MS / 5;
    let raf = 0;
    let firstDrawn = false;
    let warmed = false;
    const scissor = new Vector4();
    const mountedAt = performance.now();
    performance.mark('world:mounted');
    // A pointer moving with no button pressed changes nothing in the hall.
    const wake = (e: Event) => {
      if (e.type !== 'pointermove' || (e as PointerEvent).buttons !== 0) keepAwake(runtime);
    };
    for (const type of WAKE_EVENTS) window.addEventListener(type, wake, { passive: true });
    const tick = (now: number) => {
      raf = requestAnimationFrame(tick);
      if (drewLast) {
        // The display frame after a drawn one comes when that one is done: its cost.
        const spent = now - lastFrameAt;
        frameMs += (spent - frameMs) * 0.2;
        if (awakeLast) {
          const verdict = watch.add(spent);
          if (verdict) rate.current?.(verdict);
        }
      }
      if (!firstDrawn) {
        const { gl, scene, camera } = get();
        if (textsWaitingForFont() > 0 && now - mountedAt < FIRST_FRAME_TEXT_WAIT_MS) {
          // While the texts wait, the hall is drawn once into one pixel: the GPU process builds
          // its pipelines then (ANGLE builds them at the first draw, not at compile), and the
          // first full frame builds only the texts'. In the world bench (SwiftShader) the first
          // frame then took ~160 ms instead of ~260 (4 runs each). The camera has not been
          // placed yet, so only what it sees is drawn: the hall's few materials, all the same.
          if (!warmed) {
            gl.getScissor(scissor);
            gl.setScissorTest(true);
            gl.setScissor(0, 0, 1, 1);
            gl.render(scene, camera);
            gl.setScissorTest(false);
            gl.setScissor(scissor);
            // Not counted as the first frame's draw calls (StatsProbe).
            gl.info.reset();
          }
          warmed = true;
          return;
        }
        firstDrawn = true;
        performance.mark('world:firstFrame');
      }
      const moving = steered(runtime);
      if (!frameDue(runtime, now, lastFrameAt, moving, idleBeatMs(frameMs))) {
        drewLast = false;
        return;
      }
      awakeLast = moving || now < runtime.awakeUntil;
      advance(now / 1000);
      lastFrameAt = now;
      drewLast = true;
      const camera = get().camera;
      if (matricesDiffer(camera.matrixWorld.elements, seen.elements)) {
        seen.copy(camera.matrixWorld);
        keepAwake(runtime, now);
      }
    };
    raf = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(raf);
      for (const type of WAKE_EVENTS) window.removeEventListener(type, wake);
    };
  }, [advance, get, runtime]);
  return null;
}
