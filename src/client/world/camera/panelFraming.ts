/** Which edge a DOM panel covering the world is docked to. */
export type PanelSide = 'right' | 'bottom';

/** Pixels of the canvas covered by DOM on each edge. */
export interface ViewInsets {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

/**
 * Where the app's panels cover the canvas (mirrors .world-panel and --header-h in
 * src/client/styles.css): a 460 px side panel with 12 px margins under a 64 px header; on
 * phones (≤ 640 px) a bottom sheet of 66 % of the height under a 104 px header.
 */
export function panelInsets(side: PanelSide, width: number, height: number): ViewInsets {
  const phone = width <= 640;
  const top = phone ? 104 : 64;
  if (side === 'right') return { top, right: Math.min(472, width * 0.6) };
  return { top, bottom: height * 0.66 };
}
