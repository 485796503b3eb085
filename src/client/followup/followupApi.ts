import { FOLLOWUP_API, FOLLOWUP_HEADER, type FollowupView } from '../../shared/caseLoop';
import type { Lang } from '../../shared/i18n';

/** A failed call: the HTTP status (0 offline) and the server's own words. */
export class FollowupError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Calls the private-link API; the secret travels in a header, never in the URL. */
async function call(secret: string, lang: Lang, path = '', body?: unknown): Promise<FollowupView> {
  let response: Response;
  try {
    response = await fetch(`${FOLLOWUP_API}${path}?lang=${lang}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { [FOLLOWUP_HEADER]: secret, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      referrerPolicy: 'no-referrer',
    });
  } catch (cause) {
    throw new FollowupError(0, cause instanceof Error ? cause.message : 'network error');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = Array.isArray(json) ? json.map((e: { description?: string }) => e.description ?? '').join('; ') : String(response.status);
    throw new FollowupError(response.status, detail);
  }
  return json as FollowupView;
}

/** Issue 13: a reply with photos goes as multipart (`text` and up to three `media` parts). */
async function replyWithPhotos(secret: string, lang: Lang, text: string, photos: Blob[]): Promise<FollowupView> {
  const form = new FormData();
  form.append('text', text);
  photos.forEach((p, i) => form.append('media', p, `foto-${i + 1}.jpg`));
  let response: Response;
  try {
    response = await fetch(`${FOLLOWUP_API}/reply?lang=${lang}`, { method: 'POST', headers: { [FOLLOWUP_HEADER]: secret, accept: 'application/json' }, body: form, referrerPolicy: 'no-referrer' });
  } catch (cause) {
    throw new FollowupError(0, cause instanceof Error ? cause.message : 'network error');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new FollowupError(response.status, Array.isArray(json) ? json.map((e: { description?: string }) => e.description ?? '').join('; ') : String(response.status));
  return json as FollowupView;
}

/** Issue 13: one of the case's photos, fetched with the secret header (an <img> could not send it). */
async function photo(secret: string, photoId: string, size: 'thumb' | 'full'): Promise<Blob> {
  const response = await fetch(`${FOLLOWUP_API}/photos/${photoId}${size === 'thumb' ? '?size=thumb' : ''}`, { headers: { [FOLLOWUP_HEADER]: secret }, referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new FollowupError(response.status, 'photo');
  return response.blob();
}

export const followupApi = {
  view: (secret: string, lang: Lang) => call(secret, lang),
  reply: (secret: string, lang: Lang, text: string, photos: Blob[] = []) => (photos.length ? replyWithPhotos(secret, lang, text, photos) : call(secret, lang, '/reply', { text })),
  photo,
  answer: (secret: string, lang: Lang, fixed: boolean, text?: string) => call(secret, lang, '/answer', { fixed, ...(text ? { text } : {}) }),
  rate: (secret: string, lang: Lang, rating: number, comment?: string) => call(secret, lang, '/rating', { rating, ...(comment ? { comment } : {}) }),
};

/** The secret from the page's fragment (/ikuti#secret); null when there is none. */
export function secretFromLocation(): string | null {
  const hash = location.hash.slice(1);
  return /^[A-Za-z0-9_-]{43}$/.test(hash) ? hash : null;
}
