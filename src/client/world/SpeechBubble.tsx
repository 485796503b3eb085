import { Html } from '@react-three/drei';

export interface SpeechBubbleProps {
  /** What the officer says; rendered as text, never as HTML. */
  text: string;
  /** World position of the bubble's tail (above the officer's head). */
  position: [number, number, number];
}

/** An officer's speech bubble: a DOM label pinned to a point in the hall. */
export function SpeechBubble({ text, position }: SpeechBubbleProps) {
  return (
    <Html position={position} center distanceFactor={9} zIndexRange={[20, 0]} style={{ pointerEvents: 'none' }}>
      <div
        role="status"
        style={{
          transform: 'translateY(-50%)',
          maxWidth: 260,
          width: 'max-content',
          padding: '8px 12px',
          borderRadius: 14,
          background: '#ffffff',
          color: '#1d2433',
          font: '600 15px/1.35 system-ui, sans-serif',
          boxShadow: '0 3px 12px rgba(0,0,0,0.18)',
          border: '2px solid #c8202b',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {text}
      </div>
    </Html>
  );
}
