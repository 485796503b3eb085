import type { z } from 'zod';
import { IDEMPOTENCY_HEADER } from '../../shared/constants';
import type { Lang } from '../../shared/i18n';
import {
  discoverySchema,
  open311ErrorSchema,
  postResultSchema,
  serviceDefinitionSchema,
  serviceListItemSchema,
  serviceRequestSchema,
  tokenResultSchema,
  type Discovery,
  type PostResult,
  type ServiceDefinition,
  type ServiceListItem,
  type ServiceRequest,
} from '../../shared/open311';
import type { SubmissionInput } from '../../shared/submission';
import { MEDIA_FIELD } from '../../shared/photos';
import { ApiError } from './errors';

export interface Open311ClientOptions {
  /** The GeoReport v2 root, e.g. https://city.example/open311/v2 (no trailing slash). */
  baseUrl: string;
  /** The key this client was issued; sent with every POST. */
  apiKey: string;
  /** Sent as jurisdiction_id when the server hosts several cities; omitted when empty. */
  jurisdictionId?: string;
  /** The language asked for in names and messages (default id). */
  lang?: Lang;
  fetch?: typeof fetch;
}

export interface RequestsQuery {
  service_request_id?: string[];
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: 'open' | 'closed';
  page?: number;
  page_size?: number;
  extensions?: boolean;
}

export interface Open311Client {
  readonly baseUrl: string;
  discovery(): Promise<Discovery>;
  services(): Promise<ServiceListItem[]>;
  serviceDefinition(serviceCode: string): Promise<ServiceDefinition>;
  /** Files a request; the same idempotencyKey on a retry returns the first answer. */
  /** Files a request; photos go as `media` file parts of a multipart body. */
  postRequest(input: SubmissionInput, idempotencyKey?: string, photos?: Blob[]): Promise<PostResult[]>;
  token(token: string): Promise<{ service_request_id: string | null; token: string }>;
  requests(query?: RequestsQuery): Promise<ServiceRequest[]>;
  request(id: string, extensions?: boolean): Promise<ServiceRequest>;
}

/** Form-encodes a submission the way GeoReport v2 says: attribute[CODE], attribute[CODE][] for lists. */
export function encodeSubmission(input: SubmissionInput, apiKey: string, jurisdictionId?: string): URLSearchParams {
  const form = new URLSearchParams();
  if (apiKey) form.set('api_key', apiKey);
  if (jurisdictionId) form.set('jurisdiction_id', jurisdictionId);
  for (const [key, value] of Object.entries(input)) {
    if (key === 'attributes' || value === undefined || value === null || value === '') continue;
    form.set(key, String(value));
  }
  for (const [code, value] of Object.entries(input.attributes ?? {})) {
    if (Array.isArray(value)) value.forEach((v) => form.append(`attribute[${code}][]`, v));
    else if (value !== undefined && value !== '') form.set(`attribute[${code}]`, value);
  }
  return form;
}

export function createOpen311Client(options: Open311ClientOptions): Open311Client {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  function url(path: string, params: Record<string, string | undefined> = {}): string {
    const search = new URLSearchParams();
    if (options.jurisdictionId) search.set('jurisdiction_id', options.jurisdictionId);
    if (options.lang) search.set('lang', options.lang);
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
    const qs = search.toString();
    return `${baseUrl}/${path}.json${qs ? `?${qs}` : ''}`;
  }

  async function call<S extends z.ZodType>(schema: S, target: string, init?: RequestInit): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await doFetch(target, { ...init, headers: { accept: 'application/json', ...init?.headers } });
    } catch (cause) {
      throw new ApiError('network', 0, [], cause instanceof Error ? cause.message : 'network error');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(response.ok ? 'invalid_response' : 'http', response.status);
    }
    if (!response.ok) {
      const errors = open311ErrorSchema.safeParse(body);
      throw new ApiError('http', response.status, errors.success ? errors.data : []);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiError('invalid_response', response.status, [], parsed.error.message);
    return parsed.data;
  }

  return {
    baseUrl,
    discovery: () => call(discoverySchema, url('discovery')),
    services: () => call(serviceListItemSchema.array(), url('services')),
    serviceDefinition: (code) => call(serviceDefinitionSchema, url(`services/${encodeURIComponent(code)}`)),
    postRequest: (input, idempotencyKey, photos = []) => {
      const form = encodeSubmission(input, options.apiKey, options.jurisdictionId);
      const key: Record<string, string> = idempotencyKey ? { [IDEMPOTENCY_HEADER]: idempotencyKey } : {};
      if (photos.length === 0) {
        return call(postResultSchema, url('requests'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...key },
          body: form.toString(),
        });
      }
      // The browser writes the multipart boundary itself.
      const body = new FormData();
      for (const [k, v] of form) body.append(k, v);
      photos.forEach((photo, i) => body.append(MEDIA_FIELD, photo, `photo-${i + 1}.jpg`));
      return call(postResultSchema, url('requests'), { method: 'POST', headers: key, body });
    },
    token: async (token) => {
      const list = await call(tokenResultSchema, url(`tokens/${encodeURIComponent(token)}`));
      if (!list[0]) throw new ApiError('http', 404);
      return list[0];
    },
    requests: (query = {}) =>
      call(
        serviceRequestSchema.array(),
        url('requests', {
          service_request_id: query.service_request_id?.join(','),
          service_code: query.service_code,
          start_date: query.start_date,
          end_date: query.end_date,
          status: query.status,
          page: query.page?.toString(),
          page_size: query.page_size?.toString(),
          extensions: query.extensions ? 'true' : undefined,
        }),
      ),
    request: async (id, extensions = true) => {
      const list = await call(
        serviceRequestSchema.array(),
        url(`requests/${encodeURIComponent(id)}`, { extensions: extensions ? 'true' : undefined }),
      );
      if (!list[0]) throw new ApiError('http', 404);
      return list[0];
    },
  };
}
