import { JURISDICTION_ID } from '../../../shared/constants';
import { pickLang, type Lang } from '../../../shared/i18n';
import { badRequest } from './errors';

export type Query = Record<string, unknown>;

/** A query parameter as one string; a repeated parameter is refused with its name. */
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

/** This server hosts one city: a jurisdiction_id, when given, must be ours. */
export function checkJurisdiction(query: Query): void {
  const id = param(query, 'jurisdiction_id');
  if (id !== undefined && id !== '' && id !== JURISDICTION_ID) throw badRequest(`jurisdiction_id: unknown jurisdiction "${id.slice(0, 60)}" (this server serves ${JURISDICTION_ID})`);
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
