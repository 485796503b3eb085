import type { ColorRepresentation } from 'three';
import { SignFontText } from './SignFontText';
import { paintable } from './paintable';

export interface SignTextProps {
  /** The text, rendered as glyphs (never HTML); characters the sign font lacks are left out (paintable.ts). */
  children: string;
  /** Position in the parent's frame; default origin. */
  position?: [number, number, number];
  /** Rotation in the parent's frame; default none. */
  rotation?: [number, number, number];
  /** Cap height-ish size in metres; default 0.25. */
  fontSize?: number;
  /** Fill colour; default white. */
  color?: ColorRepresentation;
  /** Wrap width in metres; default no wrapping. */
  maxWidth?: number;
  /** Letter spacing in ems; default 0. */
  letterSpacing?: number;
  /** Horizontal anchor; default 'center'. */
  anchorX?: 'left' | 'center' | 'right';
}

/** Text on a sign in the self-hosted font: one draw call each. */
export function SignText({ children, position, rotation, fontSize = 0.25, color = '#ffffff', maxWidth, letterSpacing = 0, anchorX = 'center' }: SignTextProps) {
  return (
    <SignFontText
      position={position}
      rotation={rotation}
      fontSize={fontSize}
      color={color}
      maxWidth={maxWidth}
      letterSpacing={letterSpacing}
      anchorX={anchorX}
      anchorY="middle"
      textAlign="center"
      lineHeight={1.1}
    >
      {paintable(children)}
    </SignFontText>
  );
}
