/**
 * "Laporan saya": the tickets a citizen chose to keep on their own device (localStorage), so the
 * number is not the only way back. Never on a kiosk: the next visitor must not see them.
 */
const KEY = 'makaverse.myTickets';
const MAX = 20;

export interface MyTicket {
  id: string;
  /** The service's name when it was filed, in the language of the time. */
  service: string;
  /** ISO time it was kept. */
  at: string;
}

export function loadMyTickets(): MyTicket[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter((t): t is MyTicket => typeof t?.id === 'string' && typeof t?.service === 'string' && typeof t?.at === 'string').slice(0, MAX);
  } catch {
    return [];
  }
}

function save(list: MyTicket[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Private mode or full storage: the ticket number on screen is still there.
  }
}

export function keepMyTicket(id: string, service: string): void {
  save([{ id, service, at: new Date().toISOString() }, ...loadMyTickets().filter((t) => t.id !== id)]);
}

export function forgetMyTicket(id: string): void {
  save(loadMyTickets().filter((t) => t.id !== id));
}
