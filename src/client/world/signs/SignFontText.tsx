import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { Euler, Vector3 } from '@react-three/fiber';
import { paintKey, SignTextMesh } from './SignTextMesh';

export interface SignFontTextProps {
  /** The text; '\n' breaks lines. Painted as given (callers pass it through paintable()). */
  children: string;
  position?: Vector3;
  rotation?: Euler;
  /** Em size, metres; default 0.25. */
  fontSize?: number;
  /** CSS colour; default white. */
  color?: string;
  /** Colour by line index, for lines that differ from `color`. */
  lineColors?: Readonly<Record<number, string>>;
  /** Ems between letters; default 0. */
  letterSpacing?: number;
  /** Line distance in ems; default 1.2. */
  lineHeight?: number;
  /** The widest the text may be, metres: a wider one is drawn smaller (letters of scripts wider than the size was fitted for). */
  maxWidth?: number;
  /** For callers that change the text without React (name tags, when their visitor changes): the mesh itself. */
  ref?: Ref<SignTextMesh | null>;
}

/**
 * Every text in the hall: painted in the sign font into a texture on one quad
 * (SignTextMesh.ts). A text set before the sign font came is painted when it comes; the hall
 * mounts meanwhile, and its first frame waits for them (FramePacer.tsx).
 */
export function SignFontText({ children, position, rotation, fontSize = 0.25, color = '#ffffff', lineColors, letterSpacing = 0, lineHeight = 1.2, maxWidth, ref }: SignFontTextProps) {
  const mesh = useMemo(() => new SignTextMesh(), []);
  useEffect(() => {
    mesh.revive();
    return () => mesh.dispose();
  }, [mesh]);
  // Painted during render, before the first frame that shows it (no frame with a blank quad),
  // and only when these props change: a text set through the ref stays until they do.
  const style = { fontSize, color, lineColors, letterSpacing, lineHeight, maxWidth };
  const key = paintKey(children, style);
  const paintedKey = useRef('');
  if (paintedKey.current !== key) {
    paintedKey.current = key;
    mesh.set(children, style);
  }
  useImperativeHandle(ref, () => mesh, [mesh]);
  return <primitive object={mesh} position={position} rotation={rotation} />;
}
