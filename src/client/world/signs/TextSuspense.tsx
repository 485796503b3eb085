import { Suspense, useLayoutEffect, type ReactNode } from 'react';

/** Texts whose font (with the signs' glyphs) has not come yet, mounted as TextSuspense's fallback. */
let waiting = 0;

/** How many texts in the scene still wait for the sign font (see TextSuspense). */
export function textsWaitingForFont(): number {
  return waiting;
}

function Waiting() {
  useLayoutEffect(() => {
    waiting += 1;
    return () => {
      waiting -= 1;
    };
  }, []);
  return null;
}

/**
 * A boundary around one troika text (drei's <Text> suspends until its font is loaded): the
 * hall mounts, and its shaders compile, while the font's glyphs are drawn in troika's workers,
 * and only the text waits. Each waiting text counts as pending (StatsProbe's textPending), so
 * the first frame still shows every sign.
 */
export function TextSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Waiting />}>{children}</Suspense>;
}
