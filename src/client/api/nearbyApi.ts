import type { Lang } from '../../shared/i18n';
import { NEARBY_API, type FollowAnswer, type NearbyAnswer, type NearbyReport } from '../../shared/nearby';

/** A failed nearby call: status 0 when offline; `detail` is the server's own words. */
export class NearbyError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

async function call<T>(path: string, init?: { body: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init ? 'POST' : 'GET',
      headers: init ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: init ? JSON.stringify(init.body) : undefined,
    });
  } catch (cause) {
    throw new NearbyError(0, cause instanceof Error ? cause.message : 'network error');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = Array.isArray(json) ? json.map((e: { description?: string }) => e.description ?? '').join('; ') : String(response.status);
    throw new NearbyError(response.status, detail);
  }
  return json as T;
}

/** Open complaints like the one being written (same service, same kelurahan or close by), and following one. */
export const nearbyApi = {
  find: (q: { serviceCode: string; kelurahan?: string; lat?: string; long?: string; lang: Lang }): Promise<NearbyReport[]> => {
    const params = new URLSearchParams({ service_code: q.serviceCode, lang: q.lang });
    if (q.kelurahan) params.set('kelurahan', q.kelurahan);
    if (q.lat && q.long) {
      params.set('lat', q.lat);
      params.set('long', q.long);
    }
    return call<NearbyAnswer>(`${NEARBY_API}?${params}`).then((a) => a.reports);
  },
  follow: (id: string, email: string | undefined, lang: Lang) =>
    call<FollowAnswer>(`${NEARBY_API}/follow`, { body: { service_request_id: id, lang, ...(email ? { email } : {}) } }),
};
