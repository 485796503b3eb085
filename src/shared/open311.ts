import { z } from 'zod';
import './zodSetup';
import { DATATYPES } from './catalog';
import { STAGES } from './stages';
import { transcriptLineSchema } from './messages';

/**
 * The shapes of Open311 GeoReport v2 answers, field names exactly as the spec spells
 * them. The server writes these; the client validates what it receives against them.
 */

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const open311ErrorSchema = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311Error = z.infer<typeof open311ErrorSchema>[number];

export const serviceListItemSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type ServiceListItem = z.infer<typeof serviceListItemSchema>;

export const attributeDefinitionSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(DATATYPES),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

export const serviceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(attributeDefinitionSchema),
});
export type ServiceDefinition = z.infer<typeof serviceDefinitionSchema>;

export const postResultSchema = z
  .array(
    z.object({
      service_request_id: z.string().nullable().optional(),
      token: z.string().nullable().optional(),
      service_notice: z.string().nullable().optional(),
      account_id: z.string().nullable().optional(),
      /** Extension: what the citizen should know that did not stop the report (a point outside the city). */
      warning: z.string().optional(),
      /** Extension (issue 12): the citizen's private follow-up link, only in the POST answer. */
      private_link: z.string().optional(),
      /** Makaverse extension: the case's private secret, given only to whoever filed it (attaching a chat transcript). */
      case_secret: z.string().optional(),
    }),
  )
  .min(1);
export type PostResult = z.infer<typeof postResultSchema>[number];

export const tokenResultSchema = z.array(z.object({ service_request_id: z.string().nullable(), token: z.string() }));

export const noteSchema = z.object({
  datetime: z.string(),
  description: z.string(),
  /** `status` for a stage change, `note` for anything else said about the case. */
  type: z.string(),
  stage: z.enum(STAGES).optional(),
  /** Staff only: a transcript's lines, speaker by speaker (render these, not the description). */
  lines: z.array(transcriptLineSchema).optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const serviceRequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
  /** extensions=true: the complaint-handling stage and the history of notes. */
  stage: z.enum(STAGES).optional(),
  notes: z.array(noteSchema).optional(),
  /** extensions=true (issue 13): the reporter plus everyone who said "Saya juga mengalami ini". */
  people_affected: z.number().int().min(1).optional(),
  /** extensions=true (issue 13): the case this one was merged into, when staff merged it. */
  merged_into: z.string().nullable().optional(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const discoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Discovery = z.infer<typeof discoverySchema>;

/** Runtime configuration the server gives its own web client. */
/** One RTCIceServer as ICE_SERVERS gives it: stun:/turn:/turns: URLs, with TURN credentials when needed. */
export const iceServerSchema = z
  .object({
    urls: z.union([z.string().regex(/^(stun|turns?):\S+$/, 'a stun:, turn: or turns: URL'), z.array(z.string().regex(/^(stun|turns?):\S+$/, 'a stun:, turn: or turns: URL')).min(1).max(8)]),
    username: z.string().max(200).optional(),
    credential: z.string().max(200).optional(),
  })
  .strict();
export type IceServer = z.infer<typeof iceServerSchema>;

export const clientConfigSchema = z.object({
  open311_base: z.string(),
  api_key: z.string(),
  jurisdiction_id: z.string(),
  /** Kiosk mode for every page this server serves (KIOSK=1); a page can also ask with ?kiosk=1. */
  kiosk: z.boolean().default(false),
  /** Seconds without a touch before a kiosk resets itself for the next visitor. */
  kiosk_idle_seconds: z.number().int().min(10).max(3600).default(90),
  /** Whether a kiosk page may offer staff sign-in (KIOSK_STAFF_LOGIN); off, the next visitor finds no staff session. */
  kiosk_staff_login: z.boolean().default(false),
  /** Where phones reach this server, for QR codes: the server's public base URL (PUBLIC_URL, else where it listens); null (older servers) = the page's own origin. */
  public_url: z.string().url().nullable().default(null),
  /** Voice (issue 14): the RTCPeerConnection's ICE servers (ICE_SERVERS); [] on a LAN: host candidates only. */
  ice_servers: z.array(iceServerSchema).default([]),
  /** Issue 13: the city's tile server ({z}/{x}/{y}); null: no map is shown, and no map code is loaded. */
  map_tiles_url: z.string().nullable().default(null),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
