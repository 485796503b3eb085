import { Html } from '@react-three/drei';
import { useThree } from '@react-three/fiber';

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
  return (
    <Html position={position} distanceFactor={9} zIndexRange={[20, 0]} style={{ pointerEvents: 'none' }}>
      <div
        role="status"
        style={{
          position: 'relative',
          transform: left ? 'translate(calc(-100% - 10px), -50%)' : 'translate(10px, -50%)',
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
  );
}
