import { z } from 'zod';
import './zodSetup';
import { STAGES } from './stages';

/**
 * Staff roles: an officer serves one agency's counter; a supervisor oversees the hall; an area
 * officer (camat, lurah; issue 13) sees every case in a kecamatan or kelurahan across agencies.
 */
export const ROLES = ['officer', 'supervisor', 'area'] as const;
export type Role = (typeof ROLES)[number];

/** The session cookie (HttpOnly, SameSite=Strict); the rooms accept it in onAuth. */
export const SESSION_COOKIE = 'mkv_session';
export const SESSION_HOURS = 12;
export const STAFF_API = '/api/staff';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const stageChangeSchema = z.object({
  stage: z.enum(STAGES),
  note: z.string().trim().max(2000).optional(),
});

/** What the staff console knows about the person logged in. */
export interface StaffProfile {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** The agency whose counter an officer serves; null for supervisors and area officers. */
  agency_code: string | null;
  /** An area officer's kecamatan or kelurahan code; null for others. */
  area_code?: string | null;
}

/** The case_support entry that asks an area's officers to help (case_support.agency_code). */
export const AREA_SUPPORT_PREFIX = 'area:';

/** Whether a case's place (its address_id, a kelurahan code) lies in an area (a kecamatan or kelurahan code). */
export function inArea(area: string | null | undefined, addressId: string | null | undefined): boolean {
  if (!area || !addressId) return false;
  return addressId === area || addressId.startsWith(`${area}.`);
}

/** A staff member's optional e-mail address (where escalations reach a supervisor). */
export const staffEmailSchema = z.string().trim().toLowerCase().max(254).email('not an e-mail address');

export const usernameSchema = z.string().regex(/^[a-z0-9._-]{3,64}$/, '3–64 lowercase letters, digits, ".", "_" or "-"');
