import { Html } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3, type Group } from 'three';

const LEFT = 'translate(calc(-100% - 10px), -50%)';
const RIGHT = 'translate(10px, -50%)';
const EDGE = 8;

export interface SpeechBubbleProps {
  /** What the officer says; rendered as text, never as HTML. */
  text: string;
  /** World position of the bubble's tail: beside the officer's head. */
  position: [number, number, number];
  /** Which side of the tail the bubble opens to; default 'left' (keeps the sign above and the queue display on the right clear). */
  side?: 'left' | 'right';
}

/**
 * An officer's speech bubble: a DOM label pinned beside the officer's head, vertically
 * centred on it, so it never covers the agency's sign above the desk.
 */
export function SpeechBubble({ text, position, side = 'left' }: SpeechBubbleProps) {
  const left = side === 'left';
  // Phones: a narrower bubble in smaller type, so it fits beside the officer on a 360 px screen.
  const compact = useThree((s) => s.size.width < 640);
  const box = useRef<HTMLDivElement>(null);
  const tail = useRef<HTMLSpanElement>(null);
  const anchor = useRef<Group>(null);
  const at = useRef(new Vector3());
  const flipped = useRef(false);
  const checked = useRef(-Infinity);
  // A bubble that would open past the screen's edge (an officer near the edge, a panel open
  // beside the hall) opens to the other side instead; read each frame, set on the DOM directly.
  useFrame(({ camera, size }) => {
    const el = box.current;
    // A layout read: six times a second is quick enough for a camera that eases into place.
    const now = performance.now();
    if (!el || !anchor.current || now - checked.current < 160) return;
    checked.current = now;
    const x = ((anchor.current.getWorldPosition(at.current).project(camera).x + 1) / 2) * size.width;
    // On screen, drei scales the bubble with distance: its drawn width, not its layout width.
    const width = el.getBoundingClientRect().width;
    const flip = left ? x - width - 10 < EDGE : x + width + 10 > size.width - EDGE;
    if (flip === flipped.current) return;
    flipped.current = flip;
    const openLeft = left !== flip;
    el.style.transform = openLeft ? LEFT : RIGHT;
    const t = tail.current;
    if (!t) return;
    t.style.left = openLeft ? '' : '-8px';
    t.style.right = openLeft ? '-8px' : '';
    t.style.borderLeft = openLeft ? '' : '2px solid #c8202b';
    t.style.borderRight = openLeft ? '2px solid #c8202b' : '';
    t.style.transform = openLeft ? 'rotate(45deg)' : 'rotate(-45deg)';
  });
  return (
    <group ref={anchor} position={position}>
    <Html distanceFactor={9} zIndexRange={[20, 0]} style={{ pointerEvents: 'none' }}>
      <div
        ref={box}
        role="status"
        style={{
          position: 'relative',
          transform: left ? LEFT : RIGHT,
          maxWidth: compact ? 150 : 240,
          width: 'max-content',
          padding: compact ? '6px 9px' : '8px 12px',
          borderRadius: 14,
          background: '#ffffff',
          color: '#1d2433',
          font: compact ? '600 13px/1.3 system-ui, sans-serif' : '600 15px/1.35 system-ui, sans-serif',
          boxShadow: '0 3px 12px rgba(0,0,0,0.18)',
          border: '2px solid #c8202b',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {text}
        <span
          ref={tail}
          aria-hidden="true"
          style={{
            position: 'absolute',
            top: '50%',
            [left ? 'right' : 'left']: -8,
            width: 12,
            height: 12,
            marginTop: -6,
            background: '#ffffff',
            borderTop: '2px solid #c8202b',
            borderRight: left ? '2px solid #c8202b' : undefined,
            borderLeft: left ? undefined : '2px solid #c8202b',
            transform: left ? 'rotate(45deg)' : 'rotate(-45deg)',
          }}
        />
      </div>
    </Html>
    </group>
  );
}
