/**
 * What this browser's WebGL is, probed once per page with a throwaway context and kept:
 * whether there is WebGL at all (the 3D hall needs it) and whether a CPU draws it (no GPU, or a
 * blocked one: the hall then skips multisampling, world/glOptions.ts).
 *
 * Once, because a probe is not free: creating and freeing a context waits on the GPU process,
 * and behind whatever it is busy with. Measured in the world bench (SwiftShader), the hall's
 * own probe at mount blocked the page ~700 ms between "Masuk" and the first frame; the shell
 * probes first (prefetch at idle, the "Masuk" button), so the hall reads the answer.
 */
export interface WebglProbe {
  webgl: boolean;
  software: boolean;
}

/** Names of rasterisers that run on the CPU: Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

let probed: WebglProbe | null = null;

export function probeWebgl(): WebglProbe {
  if (probed) return probed;
  let result: WebglProbe = { webgl: false, software: false };
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      result = { webgl: true, software: SOFTWARE.test(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))) };
      // Free the probe context at once: browsers cap how many may be alive.
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all.
  }
  probed = result;
  return result;
}
