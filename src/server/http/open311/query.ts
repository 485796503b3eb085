import { JURISDICTION_ID } from '../../../shared/constants';
import { pickLang, type Lang } from '../../../shared/i18n';
import { badRequest, notFound } from './errors';

export type Query = Record<string, unknown>;

/** A query parameter as one string; a repeated parameter is refused with its name (lists use listParam). */
export function param(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name}: give it once`);
  return value;
}

export function langOf(query: Query, acceptLanguage: string | undefined): Lang {
  const asked = param(query, 'lang') ?? param(query, 'locale');
  return pickLang(asked?.slice(0, 2).toLowerCase(), acceptLanguage);
}

/**
 * This server hosts one city, so jurisdiction_id is optional (never the spec's 400 for a
 * missing one); when given it must be ours, else 404 "jurisdiction_id provided was not found".
 */
export function checkJurisdiction(query: Query): void {
  const id = param(query, 'jurisdiction_id');
  if (id !== undefined && id !== '' && id !== JURISDICTION_ID) throw notFound(`jurisdiction_id: "${id.slice(0, 60)}" was not found (this server serves ${JURISDICTION_ID})`);
}

export function booleanParam(query: Query, name: string): boolean {
  const value = param(query, name);
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`${name}: must be true or false`);
}

export function intParam(query: Query, name: string, min: number, max: number): number | undefined {
  const value = param(query, name);
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) throw badRequest(`${name}: must be a whole number from ${min} to ${max}`);
  return Number(value);
}

/**
 * A list parameter: comma-delimited (`status=open,closed`), repeated (`status=open&status=closed`)
 * or both; blanks are dropped. Refused with its name past `max` values.
 */
export function listParam(query: Query, name: string, max: number): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const parts = Array.isArray(value) ? value : [value];
  if (parts.some((p) => typeof p !== 'string')) throw badRequest(`${name}: must be text`);
  if (parts.length > max) throw badRequest(`${name}: at most ${max} values`);
  const items = [...new Set((parts as string[]).flatMap((p) => p.split(',')).map((s) => s.trim()).filter(Boolean))];
  if (items.length > max) throw badRequest(`${name}: at most ${max} values`);
  return items.length ? items : undefined;
}
