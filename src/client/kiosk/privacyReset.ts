import { outbox } from '../api';
import { SEAL_KEY_DB } from '../api/sealedBox';
import { staffApi } from '../api/staffApi';
import { initialLang } from '../i18n/persist';
import { useHall } from '../net/hallStore';
import { resetAppStore } from '../state';

/** How long the reset waits for a last delivery of unsent reports. */
const FLUSH_TIMEOUT_MS = 4000;
/** How long the reset waits for the hall to confirm the visitor left. */
const LEAVE_TIMEOUT_MS = 3000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clears everything one kiosk visitor left behind, before the next one comes: leaves the
 * hall (queue place and chat end), erases stored data (localStorage, sessionStorage, other
 * IndexedDB databases, cache storage, readable cookies, the clipboard if the browser lets
 * us) and returns the app state to a fresh load. The caller then remounts the app, which
 * drops every form field held in components.
 *
 * The one exception: a report that could not be delivered yet stays in the outbox, sealed
 * (api/sealedBox.ts: only its service code in clear), because erasing it would lose the
 * citizen's complaint; it is sent and removed as soon as the server answers, and its ticket
 * is never shown to the next visitor (the server mails it when the citizen gave an e-mail).
 * With `discardPending` (the visitor's consent in the idle warning) it is erased instead.
 * Delivered entries are removed here.
 */
export async function privacyReset({ discardPending = false } = {}): Promise<void> {
  // Leaving waits for the server's answer; on a dead network that never comes (the hall state
  // is dropped at once all the same), so the reset does not wait for it longer than a moment.
  await Promise.race([
    useHall
      .getState()
      .disconnect()
      .catch(() => undefined),
    delay(LEAVE_TIMEOUT_MS),
  ]);
  if (discardPending) await outbox.discardPending().catch(() => undefined);
  await clearOutbox();
  // The staff cookie is HttpOnly: only the server can end it. A session opened on the kiosk ends here.
  await staffApi.logout().catch(() => undefined);
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage blocked: nothing was stored there either.
  }
  await Promise.all([deleteOtherDatabases(), clearCaches(), clearClipboard()]);
  clearCookies();
  resetAppStore(initialLang());
}

async function clearOutbox(): Promise<void> {
  try {
    await Promise.race([outbox.flush(), delay(FLUSH_TIMEOUT_MS)]);
    const entries = await outbox.list();
    if (entries.every((e) => e.state === 'sent')) await outbox.clear();
    else await Promise.all(entries.filter((e) => e.state === 'sent').map((e) => outbox.remove(e.id)));
  } catch {
    // IndexedDB unavailable: nothing was kept there.
  } finally {
    // What is still pending now belongs to a visitor who has gone.
    outbox.newVisit();
  }
}

/** IndexedDB databases other than the outbox (which stays open, emptied above) and its seal key (dropped with the last pending report). */
async function deleteOtherDatabases(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const all = await indexedDB.databases().catch(() => []);
  await Promise.all(
    all
      .filter((db) => db.name && db.name !== outbox.storeName && db.name !== SEAL_KEY_DB)
      .map(
        (db) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(db.name!);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}

async function clearCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const keys = await caches.keys().catch(() => []);
  await Promise.all(keys.map((k) => caches.delete(k)));
}

async function clearClipboard(): Promise<void> {
  // A copied ticket number must not be pasted by the next visitor; browsers may refuse without a gesture.
  await navigator.clipboard?.writeText('').catch(() => undefined);
}

/** Cookies scripts can read (the HttpOnly staff session cookie was ended by the logout above). */
function clearCookies(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}
