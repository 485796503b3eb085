import { FIGURES_API, FIGURES_CSV, type FiguresResponse } from '../../shared/figures';
import { STAFF_API, type StaffProfile } from '../../shared/staff';

export interface FiguresFilter {
  from?: string;
  to?: string;
  counter?: string;
  /** Issue 13: one kecamatan's cases. */
  kecamatan?: string;
}

/** A refusal from the server, with its status and the server's words (which name the parameter). */
export class DashboardApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readError(response: Response): Promise<DashboardApiError> {
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) message = body.error;
  } catch {
    // Not JSON: keep the status.
  }
  return new DashboardApiError(response.status, message);
}

/** Who is signed in, or null (the session cookie is HttpOnly: only the server can tell). */
export async function fetchMe(): Promise<StaffProfile | null> {
  const response = await fetch(`${STAFF_API}/me`, { credentials: 'same-origin' });
  if (response.status === 401) return null;
  if (!response.ok) throw await readError(response);
  return ((await response.json()) as { staff: StaffProfile }).staff;
}

export async function signIn(username: string, password: string): Promise<StaffProfile> {
  const response = await fetch(`${STAFF_API}/login`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await readError(response);
  return ((await response.json()) as { staff: StaffProfile }).staff;
}

export async function signOut(): Promise<void> {
  await fetch(`${STAFF_API}/logout`, { method: 'POST', credentials: 'same-origin' });
}

export function figuresQuery(filter: FiguresFilter): string {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.counter) params.set('counter', filter.counter);
  if (filter.kecamatan) params.set('kecamatan', filter.kecamatan);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export async function fetchFigures(filter: FiguresFilter): Promise<FiguresResponse> {
  const response = await fetch(`${FIGURES_API}${figuresQuery(filter)}`, { credentials: 'same-origin' });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as FiguresResponse;
}

export function csvUrl(filter: FiguresFilter): string {
  return `${FIGURES_CSV}${figuresQuery(filter)}`;
}
