import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { WorldRuntime } from '../runtime';

export interface TouchJoystickProps {
  /** Deflection is written to runtime.joystick (x right, y forward, each -1..1). */
  runtime: WorldRuntime;
  /** Hidden (and released) when false, e.g. while a DOM panel is open; default true. */
  enabled?: boolean;
  /** Accessible name of the control; default 'Joystick'. */
  label?: string;
}

const SIZE = 120;
const KNOB = 52;
const MAX = (SIZE - KNOB) / 2;

function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(() => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(pointer: coarse)');
    const on = () => setCoarse(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return coarse;
}

/**
 * On-screen joystick for touch screens, a DOM element over the canvas's bottom-left corner.
 * Shown only on coarse pointers. The knob moves by direct style writes, not React state.
 */
export function TouchJoystick({ runtime, enabled = true, label = 'Joystick' }: TouchJoystickProps) {
  const coarse = useCoarsePointer();
  const base = useRef<HTMLDivElement>(null);
  const knob = useRef<HTMLDivElement>(null);
  const pointer = useRef<number | null>(null);

  const release = () => {
    pointer.current = null;
    runtime.joystick.x = 0;
    runtime.joystick.y = 0;
    runtime.joystick.active = false;
    if (knob.current) knob.current.style.transform = 'translate(0px, 0px)';
  };
  useEffect(() => {
    if (!enabled) release();
    return release;
  }, [enabled, runtime]);

  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (pointer.current !== e.pointerId || !base.current) return;
    const r = base.current.getBoundingClientRect();
    let dx = e.clientX - (r.left + r.width / 2);
    let dy = e.clientY - (r.top + r.height / 2);
    const d = Math.hypot(dx, dy);
    if (d > MAX) {
      dx = (dx / d) * MAX;
      dy = (dy / d) * MAX;
    }
    runtime.joystick.x = dx / MAX;
    runtime.joystick.y = -dy / MAX;
    if (knob.current) knob.current.style.transform = `translate(${dx}px, ${dy}px)`;
  };

  if (!coarse || !enabled) return null;
  return (
    <div
      ref={base}
      role="application"
      aria-label={label}
      data-testid="touch-joystick"
      onPointerDown={(e) => {
        pointer.current = e.pointerId;
        runtime.joystick.active = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        move(e);
      }}
      onPointerMove={move}
      onPointerUp={release}
      onPointerCancel={release}
      style={{
        position: 'absolute',
        left: 20,
        bottom: 20,
        width: SIZE,
        height: SIZE,
        borderRadius: '50%',
        background: 'rgba(255,255,255,0.35)',
        border: '2px solid rgba(120,80,40,0.45)',
        boxShadow: '0 2px 10px rgba(0,0,0,0.15)',
        touchAction: 'none',
        userSelect: 'none',
        zIndex: 5,
      }}
    >
      <div
        ref={knob}
        style={{
          position: 'absolute',
          left: (SIZE - KNOB) / 2,
          top: (SIZE - KNOB) / 2,
          width: KNOB,
          height: KNOB,
          borderRadius: '50%',
          background: 'rgba(200,32,43,0.85)',
          border: '3px solid #fff',
          pointerEvents: 'none',
        }}
      />
    </div>
  );
}
