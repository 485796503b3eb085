import { useEffect, useRef } from 'react';
import type { WorldRuntime } from '../runtime';

/** Keys that move the player, by KeyboardEvent.code. */
const MOVE_KEYS: Record<string, keyof WorldRuntime['keys']> = {
  KeyW: 'up',
  ArrowUp: 'up',
  KeyS: 'down',
  ArrowDown: 'down',
  KeyA: 'left',
  ArrowLeft: 'left',
  KeyD: 'right',
  ArrowRight: 'right',
};

/** Typing in a field, pressing a button or a link: the keyboard belongs to the DOM UI then. */
function isUiTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName) || target.closest('[role="dialog"]') !== null;
}

/**
 * WASD / arrow keys move the player, E or Enter talks to the desk the player is near.
 * Keys are ignored while focus is in a form control or `enabled` is false.
 */
export function useKeyboardMovement(runtime: WorldRuntime, enabled: boolean, onInteract: (code: string) => void): void {
  const interact = useRef(onInteract);
  interact.current = onInteract;

  useEffect(() => {
    runtime.controlsEnabled = enabled;
    const keys = runtime.keys;
    const clear = () => {
      keys.up = keys.down = keys.left = keys.right = false;
    };
    if (!enabled) {
      clear();
      runtime.joystick.x = runtime.joystick.y = 0;
      runtime.target.active = false;
      runtime.target.interact = null;
      return;
    }
    const down = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isUiTarget(e.target)) return;
      const dir = MOVE_KEYS[e.code];
      if (dir) {
        keys[dir] = true;
        e.preventDefault();
        return;
      }
      if ((e.code === 'KeyE' || e.key === 'Enter') && !e.repeat && runtime.near) {
        e.preventDefault();
        interact.current(runtime.near);
      }
    };
    const up = (e: KeyboardEvent) => {
      const dir = MOVE_KEYS[e.code];
      if (dir) keys[dir] = false;
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', clear);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', clear);
      clear();
    };
  }, [runtime, enabled]);
}
