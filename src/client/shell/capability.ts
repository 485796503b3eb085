import type { Notice } from '../state';

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

/**
 * Whether this device should get the 3D hall: WebGL must exist, and a very weak phone
 * (≤ 2 cores and ≤ 2 GB) is spared the download and the battery drain.
 */
export function check3dSupport(): Exclude<Notice, 'load_failed'> {
  if (!probeWebgl().webgl) return 'no_webgl';
  const nav = navigator as Navigator & { deviceMemory?: number };
  if ((nav.hardwareConcurrency ?? 4) <= 2 && (nav.deviceMemory ?? 4) <= 2) return 'weak_device';
  return null;
}

/** `?mode=2d` opens the counter list directly (links from WhatsApp, screen-reader users). */
export function urlWants2d(): boolean {
  return new URLSearchParams(location.search).get('mode') === '2d';
}

/** A ticket's own address: `/lacak/MKS-…` (the older `?track=<ticket>` still works). */
export const TRACK_PATH = '/lacak/';

/** The ticket this page was opened on, from `/lacak/<ticket>` or `?track=<ticket>`. */
export function urlTicket(): string | null {
  const fromPath = location.pathname.startsWith(TRACK_PATH) ? decodeURIComponent(location.pathname.slice(TRACK_PATH.length)) : '';
  const id = (fromPath || new URLSearchParams(location.search).get('track') || '').trim();
  return id ? id.slice(0, 64) : null;
}

/** The shareable link that opens the tracker on a ticket; `origin` for another address of this server (a phone on the LAN). */
export function trackingUrl(ticket: string, origin?: string | null): string {
  const base = origin ? origin.replace(/\/$/, '') : location.origin;
  return `${base}${TRACK_PATH}${encodeURIComponent(ticket)}`;
}

/** `/petugas` (or `?staff=1`) opens the staff sign-in and console. */
export function urlWantsStaff(): boolean {
  return /^\/petugas\/?$/.test(location.pathname) || new URLSearchParams(location.search).get('staff') === '1';
}

/** `/proyektor` (or `?view=projector`) opens the spectator view for a projector or big screen. */
export function urlWantsProjector(): boolean {
  return /^\/proyektor\/?$/.test(location.pathname) || new URLSearchParams(location.search).get('view') === 'projector';
}
