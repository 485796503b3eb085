/**
 * The WebGL settings of the hall's canvas, decided once before it mounts (a canvas cannot
 * change them afterwards). The world bench's bare reference scene uses the same function,
 * so the two are always compared on the same settings.
 */
import { probeWebgl } from '../shell/capability';

/**
 * Whether WebGL here is drawn by the CPU (no GPU, or a blocked one): such a rasteriser pays
 * for every multisample (4× MSAA cost the hall about as much as all its geometry in the world
 * bench), a GPU barely notices. The page's one WebGL probe answers (shell/capability.ts).
 */
export function softwareRenderer(): boolean {
  return probeWebgl().software;
}

/** The `gl` prop of the hall's <Canvas>: multisampling only where a GPU does it. */
export function worldGlOptions(): { antialias: boolean; powerPreference: 'high-performance' } {
  return { antialias: !softwareRenderer(), powerPreference: 'high-performance' };
}
