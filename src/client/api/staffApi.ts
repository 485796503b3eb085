import type { CaseView as CaseListView, ReplyTemplate, TimelineEntry } from '../../shared/caseLoop';
import type { ServiceRequest } from '../../shared/open311';
import { STAFF_API, type StaffProfile } from '../../shared/staff';
import type { Stage } from '../../shared/stages';
import type { SubmissionInput } from '../../shared/submission';

/** A case in the console's list: the public request plus the agency and whether personal data is held. */
export type CaseSummary = ServiceRequest & {
  agency_code: string;
  has_personal_data: boolean;
  snippet?: string | null;
  location?: string | null;
  reopened?: boolean;
  overdue?: boolean;
};

/** One case as staff see it (the read is audited on the server). */
export type CaseDetail = ServiceRequest & {
  agency_code?: string;
  description: string | null;
  attributes: Record<string, string | string[]> | null;
  contact: { first_name?: string; last_name?: string; phone?: string; email?: string } | null;
  private_attributes: Record<string, string>;
  // Issue 12: the timeline and what this staff member may do.
  role?: 'supervisor' | 'lead' | 'support' | 'area';
  reopened?: boolean;
  assigned_to?: { username: string; display_name: string } | null;
  support_agencies?: string[];
  timeline?: TimelineEntry[];
  templates?: ReplyTemplate[];
};

/** A photo of a case: private until published (then it is the request's Open311 media_url). */
/** A security notice for supervisors (GET /api/staff/notices): a burst of failed sign-ins on an account. */
export interface StaffNotice {
  at: string;
  kind: string;
  account: string | null;
  detail: { failures?: number; addresses?: number } | null;
}

export interface CasePhoto {
  photo_id: string;
  width: number;
  height: number;
  published: boolean;
  url: string;
  thumb_url: string;
}

/** A failed staff API call: status 0 when the network was down; `detail` is the server's own words. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`staff api ${status}: ${detail}`);
    this.name = 'StaffApiError';
  }
}

async function call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${STAFF_API}${path}`, {
      method: init?.method ?? 'GET',
      credentials: 'same-origin',
      headers: init?.body !== undefined ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (cause) {
    throw new StaffApiError(0, cause instanceof Error ? cause.message : 'network error');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // an empty or non-JSON answer
  }
  if (!response.ok) {
    const b = (body ?? {}) as { error?: unknown; errors?: unknown };
    // Newer routes answer in the Open311 error shape [{code, description}].
    const detail = Array.isArray(body)
      ? body.map((e: { description?: unknown }) => String(e.description ?? '')).join('; ')
      : Array.isArray(b.errors)
        ? b.errors.map(String).join('; ')
        : typeof b.error === 'string'
          ? b.error
          : '';
    throw new StaffApiError(response.status, detail);
  }
  return body as T;
}

export const staffApi = {
  login: (username: string, password: string) => call<{ staff: StaffProfile }>('/login', { method: 'POST', body: { username, password } }),
  logout: () => call<{ ok: true }>('/logout', { method: 'POST', body: {} }),
  me: () => call<{ staff: StaffProfile }>('/me'),
  /** Supervisors: security notices (login bursts) of the last 7 days, newest first. */
  notices: () => call<{ notices: StaffNotice[] }>('/notices'),
  cases: (query: { stage?: Stage; agency?: string; limit?: number; view?: CaseListView; q?: string; cursor?: string; kecamatan?: string }) => {
    const q = new URLSearchParams();
    if (query.stage) q.set('stage', query.stage);
    if (query.agency) q.set('agency', query.agency);
    if (query.limit) q.set('limit', String(query.limit));
    if (query.view && query.view !== 'all') q.set('view', query.view);
    if (query.q) q.set('q', query.q);
    if (query.cursor) q.set('cursor', query.cursor);
    if (query.kecamatan) q.set('kecamatan', query.kecamatan);
    const qs = q.toString();
    return call<{ cases: CaseSummary[]; next_cursor?: string | null }>(`/cases${qs ? `?${qs}` : ''}`);
  },
  addEntry: (id: string, text: string, isPublic: boolean) => call<{ id: string }>(`/cases/${encodeURIComponent(id)}/entries`, { method: 'POST', body: { text, public: isPublic } }),
  transfer: (id: string, agency: string, reason: string) => call<{ ok: true }>(`/cases/${encodeURIComponent(id)}/transfer`, { method: 'POST', body: { agency, reason } }),
  support: (id: string, agency: string, reason: string) => call<{ ok: true }>(`/cases/${encodeURIComponent(id)}/support`, { method: 'POST', body: { agency, reason } }),
  revokeLink: (id: string, reason?: string) => call<{ ok: true; private_link: string }>(`/cases/${encodeURIComponent(id)}/revoke-link`, { method: 'POST', body: reason ? { reason } : {} }),
  assign: (id: string, username: string) => call<{ ok: true }>(`/cases/${encodeURIComponent(id)}/assign`, { method: 'POST', body: { username } }),
  officers: (agency?: string) => call<{ officers: { username: string; display_name: string; agency_code: string }[] }>(`/officers${agency ? `?agency=${encodeURIComponent(agency)}` : ''}`),
  mail: () => call<{ configured: boolean; queued: number; sent: number; failed: number }>('/mail'),
  case: (id: string) => call<{ case: CaseDetail }>(`/cases/${encodeURIComponent(id)}`),
  moveStage: (id: string, stage: Stage, note?: string) =>
    call<{ ok: true; stage: Stage }>(`/cases/${encodeURIComponent(id)}/stage`, { method: 'POST', body: { stage, ...(note ? { note } : {}) } }),
  photos: (id: string) => call<{ photos: CasePhoto[] }>(`/cases/${encodeURIComponent(id)}/photos`),
  publishPhoto: (photoId: string) => call<{ media_url: string }>(`/photos/${encodeURIComponent(photoId)}/publish`, { method: 'POST', body: {} }),
  merge: (id: string, into: string, reason?: string) =>
    call<{ ok: true; merged_into: string; people_affected: number }>(`/cases/${encodeURIComponent(id)}/merge`, { method: 'POST', body: { into, ...(reason ? { reason } : {}) } }),
  fileOnBehalf: (input: SubmissionInput) => call<{ service_request_id: string }>('/requests', { method: 'POST', body: input }),
};
