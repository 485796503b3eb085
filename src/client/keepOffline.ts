/**
 * Files of our own origin the service worker should keep for an offline start although the page
 * never fetched them itself (troika fetches the sign font in its worker, which the page's
 * resource timings do not list). Sent at once when a service worker runs this page, else with
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
