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

/** The offline start (production builds on a secure context only: localhost or HTTPS). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline start; the app works as before.
    });
  });
}
