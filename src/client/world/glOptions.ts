/**
 * The WebGL settings of the hall's canvas, decided once before it mounts (a canvas cannot
 * change them afterwards). The world bench's bare reference scene uses the same function,
 * so the two are always compared on the same settings.
 */

let software: boolean | null = null;

/** Names of rasterisers that run on the CPU: Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

/**
 * Whether WebGL here is drawn by the CPU (no GPU, or a blocked one), probed once with a
 * throwaway context: such a rasteriser pays for every multisample (4× MSAA cost the hall
 * about as much as all its geometry in the world bench), a GPU barely notices.
 */
export function softwareRenderer(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      software = SOFTWARE.test(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all: the caller's canvas will report it.
  }
  return software;
}

/** The `gl` prop of the hall's <Canvas>: multisampling only where a GPU does it. */
export function worldGlOptions(): { antialias: boolean; powerPreference: 'high-performance' } {
  return { antialias: !softwareRenderer(), powerPreference: 'high-performance' };
}
