import { wantedOffline } from '../keepOffline';
import { whenIdle } from '../whenIdle';

/**
 * "Simpan ke layar utama": the browser's install prompt, kept from the moment it is offered
 * (only browsers that support installing web apps offer it), and the service worker that lets
 * the installed app start offline.
 */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: InstallPromptEvent | null = null;
const listeners = new Set<() => void>();

export function watchInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    deferred = e as InstallPromptEvent;
    listeners.forEach((l) => l());
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    listeners.forEach((l) => l());
  });
}

export function canInstall(): boolean {
  return deferred !== null;
}

export function subscribeInstall(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows the browser's own install dialog; true when the citizen accepted. */
export async function installApp(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = null;
  listeners.forEach((l) => l());
  await event.prompt();
  return (await event.userChoice).outcome === 'accepted';
}

/**
 * How long after the page's load the service worker is registered (then at the next idle
 * moment). Installed at load, it read every download the first visit made (the hall's code,
 * its font) and wrote it to its cache while the hall was being built: in the world bench
 * (SwiftShader, 2 cores, 5 A/B runs) the hall's first frame came ~110 ms later.
 */
const SERVICE_WORKER_DELAY_MS = 4000;

/** What this page has downloaded from its own origin, and what it asked to keep (the service worker keeps what it may). */
function loadedUrls(): string[] {
  const loaded = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => url.startsWith(`${location.origin}/`));
  return [...new Set([...loaded, ...wantedOffline()])];
}

/**
 * The offline start (production builds on a secure context only: localhost or HTTPS). The
 * worker is registered a few seconds after load; it is then told what the page already
 * downloaded, and keeps the app's own files of it (public/sw.js), so the next start works
 * offline as if it had been there from the first request.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  // Offline, or cut off while fetching the worker's script: tried again when the network is back.
  const retryOnline = () => window.addEventListener('online', register, { once: true });
  const register = () => {
    if (!navigator.onLine) return retryOnline();
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ type: 'keep', urls: loadedUrls() }))
      .catch(() => {
        // No offline start yet; the app works as before.
        if (!navigator.onLine) retryOnline();
      });
  };
  const later = () => setTimeout(() => whenIdle(register), SERVICE_WORKER_DELAY_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
