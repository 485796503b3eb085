import { z } from 'zod';
import { LANGS } from './i18n';
import { KELURAHAN_CODE } from './places';
import { EMAIL_SHAPE } from './submission';

/**
 * Nearby reports (issue 13, point 4): before a complaint is sent the citizen sees open
 * complaints of the same service in the same kelurahan or close by, and may follow one
 * ("Saya juga mengalami ini") instead of filing a duplicate. One definition for both sides.
 */
export const NEARBY_API = '/api/nearby';
/** A case counts as near within this many metres of the citizen's point. */
export const NEARBY_RADIUS_M = 300;
/** Only complaints filed in the last this many days are offered. */
export const NEARBY_DAYS = 30;
/** At most this many are offered. */
export const NEARBY_MAX = 5;
/** Longest description excerpt shown. */
export const NEARBY_EXCERPT = 200;

const coordinate = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name}: a number` })
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, `${name}: from ${min} to ${max}`);

/** GET /api/nearby?service_code=…&kelurahan=…&lat=…&long=…: a kelurahan, a point, or both. */
export const nearbyQuerySchema = z
  .object({
    service_code: z.string({ error: 'service_code: is required, once' }).regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'service_code: not a service code'),
    kelurahan: z.string({ error: 'kelurahan: give it once' }).regex(KELURAHAN_CODE, 'kelurahan: a Kemendagri kelurahan code such as 73.71.14.1001').optional(),
    lat: coordinate('lat', -90, 90).optional(),
    long: coordinate('long', -180, 180).optional(),
    lang: z.enum(LANGS, { error: `lang: one of ${LANGS.join(', ')}` }).optional(),
  })
  .strict()
  .refine((q) => (q.lat === undefined) === (q.long === undefined), { message: 'lat, long: give both or neither' })
  .refine((q) => q.kelurahan !== undefined || q.lat !== undefined, { message: 'place: give a kelurahan or lat and long' });
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

/** One open complaint as a stranger may see it: no name, contact or unpublished photo. */
export interface NearbyReport {
  service_request_id: string;
  service_name: string;
  /** The description with personal data masked, cut to NEARBY_EXCERPT characters. */
  description: string | null;
  address: string | null;
  requested_datetime: string;
  stage: string;
  stage_label: string;
  people_affected: number;
  same_kelurahan: boolean;
  /** Metres from the given point, when both have one. */
  distance_m: number | null;
  /** A published photo's thumbnail, when an officer published one. */
  photo_thumb_url: string | null;
}

export interface NearbyAnswer {
  reports: NearbyReport[];
}

/** POST /api/nearby/follow: "Saya juga mengalami ini". */
export const followSchema = z
  .object({
    service_request_id: z.string({ error: 'service_request_id: is required' }).trim().min(1, 'service_request_id: is required').max(64, 'service_request_id: too long'),
    email: z.string().trim().max(254, 'email: too long').regex(EMAIL_SHAPE, 'email: not a valid e-mail address').optional(),
    lang: z.enum(LANGS, { error: `lang: one of ${LANGS.join(', ')}` }).optional(),
  })
  .strict();
export type FollowInput = z.infer<typeof followSchema>;

export interface FollowAnswer {
  service_request_id: string;
  people_affected: number;
  /** on: the case's mails come to the given address; none: no address was given. */
  mail: 'on' | 'none';
}

/** Staff: merge this case into another (POST /api/staff/cases/:id/merge). */
export const mergeSchema = z
  .object({
    into: z.string({ error: 'into: the tracking number of the case to keep' }).trim().min(1, 'into: the tracking number of the case to keep').max(64, 'into: too long'),
    reason: z.string().trim().max(500, 'reason: at most 500 characters').optional(),
  })
  .strict();

/** Great-circle distance in metres (haversine; ample at a city's scale). */
export function distanceMetres(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLong = (long2 - long1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
}
