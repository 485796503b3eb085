import type { ContactValue } from './ContactFields';

/**
 * The citizen's contact, kept on their own device only when they tick "Ingat di perangkat ini"
 * (asked once, filled in on the next form). Never on a kiosk.
 */
const KEY = 'makaverse.contact';

export const EMPTY_CONTACT: ContactValue = { first_name: '', last_name: '', phone: '', email: '' };

export function loadContact(): ContactValue | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Record<keyof ContactValue, unknown>> | null;
    if (!raw || typeof raw !== 'object') return null;
    const pick = (k: keyof ContactValue) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, 254) : '');
    return { first_name: pick('first_name'), last_name: pick('last_name'), phone: pick('phone'), email: pick('email') };
  } catch {
    return null;
  }
}

export function rememberContact(contact: ContactValue | null): void {
  try {
    if (contact && Object.values(contact).some((v) => v.trim())) localStorage.setItem(KEY, JSON.stringify(contact));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: the citizen types it again next time.
  }
}
