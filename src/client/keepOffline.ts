/**
 * Files of our own origin the service worker must keep for an offline start whatever the page's
 * resource timings list (the sign font, loaded from script as a FontFace, after the service
 * worker's first list may have been taken; the timings' buffer may also be full). Sent at once when a service worker runs this page, else with
 * the registration's list (shell/installApp.ts).
 */
const wanted = new Set<string>();

export function keepOffline(url: string): void {
  const absolute = new URL(url, location.href).href;
  wanted.add(absolute);
  navigator.serviceWorker?.controller?.postMessage({ type: 'keep', urls: [absolute] });
}

/** What keepOffline was asked to keep so far. */
export function wantedOffline(): string[] {
  return [...wanted];
}
