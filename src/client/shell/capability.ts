import type { Notice } from '../state';

/**
 * Whether this device should get the 3D hall: WebGL must exist, and a very weak phone
 * (≤ 2 cores and ≤ 2 GB) is spared the download and the battery drain.
 */
export function check3dSupport(): Exclude<Notice, 'load_failed'> {
  let gl: WebGLRenderingContext | WebGL2RenderingContext | null = null;
  try {
    const canvas = document.createElement('canvas');
    gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  } catch {
    gl = null;
  }
  if (!gl) return 'no_webgl';
  // Free the probe context at once: browsers cap how many may be alive.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const nav = navigator as Navigator & { deviceMemory?: number };
  if ((nav.hardwareConcurrency ?? 4) <= 2 && (nav.deviceMemory ?? 4) <= 2) return 'weak_device';
  return null;
}

/** `?mode=2d` opens the counter list directly (links from WhatsApp, screen-reader users). */
export function urlWants2d(): boolean {
  return new URLSearchParams(location.search).get('mode') === '2d';
}

/** `?track=<ticket>` opens the tracker on that ticket. */
export function urlTicket(): string | null {
  const id = new URLSearchParams(location.search).get('track')?.trim();
  return id ? id.slice(0, 64) : null;
}

/** The shareable link that opens the tracker on a ticket; `origin` for another address of this server (a phone on the LAN). */
export function trackingUrl(ticket: string, origin?: string | null): string {
  const url = new URL(origin ? `${origin.replace(/\/$/, '')}/` : location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('track', ticket);
  return url.toString();
}

/** `/petugas` (or `?staff=1`) opens the staff sign-in and console. */
export function urlWantsStaff(): boolean {
  return /^\/petugas\/?$/.test(location.pathname) || new URLSearchParams(location.search).get('staff') === '1';
}

/** `/proyektor` (or `?view=projector`) opens the spectator view for a projector or big screen. */
export function urlWantsProjector(): boolean {
  return /^\/proyektor\/?$/.test(location.pathname) || new URLSearchParams(location.search).get('view') === 'projector';
}
