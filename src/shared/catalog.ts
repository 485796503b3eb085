import { z } from 'zod';
import { CONTACT_ATTRIBUTE_CODES } from './constants';
import './zodSetup';
import { localizedSchema } from './i18n';

/** Open311 GeoReport v2 attribute datatypes. */
export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

/** What a counter interaction produces: a complaint (pengaduan), a service request, or an information request. */
export const SERVICE_KINDS = ['complaint', 'request', 'information'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Extra checks on a string attribute; `nik` values are validated and stored encrypted. */
export const ATTRIBUTE_FORMATS = ['nik', 'phone', 'kk'] as const;
export type AttributeFormat = (typeof ATTRIBUTE_FORMATS)[number];

const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "-" or "_"');

export const attributeValueSchema = z.object({
  key: z.string().min(1).max(64),
  name: localizedSchema,
});

export const attributeSchema = z
  .object({
    code: codeSchema,
    datatype: z.enum(DATATYPES),
    required: z.boolean().default(false),
    /** false for information shown to the citizen only (Open311 `variable`). */
    variable: z.boolean().default(true),
    description: localizedSchema,
    datatype_description: localizedSchema.optional(),
    format: z.enum(ATTRIBUTE_FORMATS).optional(),
    values: z.array(attributeValueSchema).optional(),
    /**
     * For datetime attributes, how the form asks: 'past' (default) "sejak kapan" with a few
     * choices, 'date' a date only, 'future' a date and time. Open311 still says datetime.
     */
    when: z.enum(['past', 'date', 'future']).optional(),
  })
  .superRefine((a, ctx) => {
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    if (isList && (!a.values || a.values.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${a.datatype} needs at least two values` });
    }
    if (!isList && a.values) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `values are only for list datatypes, not ${a.datatype}` });
    }
    if (a.values && new Set(a.values.map((v) => v.key)).size !== a.values.length) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'value keys must be unique' });
    }
    if (a.when && a.datatype !== 'datetime') {
      ctx.addIssue({ code: 'custom', path: ['when'], message: 'when applies to datetime attributes only' });
    }
    if (a.format && a.datatype !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'format applies to string attributes only' });
    }
  });
export type Attribute = z.infer<typeof attributeSchema>;

const serviceFields = z.object({
  code: codeSchema,
  kind: z.enum(SERVICE_KINDS),
  name: localizedSchema,
  description: localizedSchema,
  /** Open311 `type`: realtime answers with an id, batch with a token. */
  type: z.enum(['realtime', 'batch']).default('realtime'),
  /** Words citizens use for it (id and en); feed Open311 `keywords` and the general counter's routing. */
  keywords: z.array(z.string().min(2)).default([]),
  /** Working days (Mon–Fri, WITA) until the expected completion. */
  sla_working_days: z.number().int().min(1).max(60),
  /** Whether a report may be filed with no name or contact at all. */
  anonymous_allowed: z.boolean(),
  location: z.enum(['required', 'optional', 'none']),
  /** Shown to the citizen after filing (Open311 `service_notice`). */
  notice: localizedSchema.optional(),
  attributes: z.array(attributeSchema).default([]),
});

export const serviceSchema = serviceFields.superRefine((s, ctx) => {
  const seen = new Set<string>();
  s.attributes.forEach((a, i) => {
    if (seen.has(a.code)) ctx.addIssue({ code: 'custom', path: ['attributes', i, 'code'], message: `duplicate attribute code "${a.code}"` });
    if (CONTACT_ATTRIBUTE_CODES.includes(a.code)) ctx.addIssue({ code: 'custom', path: ['attributes', i, 'code'], message: `"${a.code}" is reserved for the contact a service asks for` });
    seen.add(a.code);
  });
});
export type Service = z.infer<typeof serviceSchema>;

/**
 * A service without its form (attributes) and after-filing notice: what the welcome page, the
 * hall and the counter menus need. The citizens' app loads this at start and the full
 * definitions only with a form (src/client/serviceDefinitions.ts); the build strips each agency
 * file with agencySummarySchema (scripts/agency-summaries.mjs), so this schema is the one list of what stays.
 */
export const serviceSummarySchema = serviceFields.omit({ attributes: true, notice: true });
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const agencyFields = z.object({
  code: codeSchema,
  name: localizedSchema,
  short_name: localizedSchema,
  description: localizedSchema,
  /** The general counter takes any complaint and routes it to the right agency. */
  general: z.boolean().default(false),
  /** Words that point a free-text complaint to this agency. */
  keywords: z.array(z.string().min(2)).default([]),
  /** Signboard colour of the counter, #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Office hours in WITA when staff may be on duty, e.g. "08:00"–"16:00", Monday–Friday. */
  hours: z.object({ open: z.string().regex(/^\d\d:\d\d$/), close: z.string().regex(/^\d\d:\d\d$/) }),
  services: z.array(serviceSchema).min(2),
});

function agencyRules(a: { general: boolean; services: { kind: ServiceKind }[] }, ctx: z.RefinementCtx): void {
  if (!a.services.some((s) => s.kind === 'complaint')) {
    ctx.addIssue({ code: 'custom', path: ['services'], message: 'an agency needs at least one complaint service' });
  }
  if (!a.general && !a.services.some((s) => s.kind === 'request')) {
    ctx.addIssue({ code: 'custom', path: ['services'], message: 'an agency needs at least one service request' });
  }
}

export const agencySchema = agencyFields.superRefine(agencyRules);
export type Agency = z.infer<typeof agencySchema>;
export type AgencyInput = z.input<typeof agencySchema>;

/** An agency whose services are summaries (serviceSummarySchema). */
export const agencySummarySchema = agencyFields.extend({ services: z.array(serviceSummarySchema).min(2) }).superRefine(agencyRules);
export type AgencySummary = z.infer<typeof agencySummarySchema>;

export interface Catalog<A extends AgencySummary = Agency> {
  agencies: A[];
  /** Every service by its code, with the agency that owns it. */
  services: Map<string, { service: A['services'][number]; agency: A }>;
}

/** The catalog as the citizens' app has it at start: no forms. A full Catalog is one too. */
export type CatalogSummary = Catalog<AgencySummary>;

/** A scene file that does not validate; the message names the file and the field. */
export class SceneError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field || '(file)'}: ${reason}`);
    this.name = 'SceneError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Validates a parsed JSON value against a schema, throwing a SceneError that names file and field. */
export function parseSceneFile<T>(schema: z.ZodType<T>, file: string, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SceneError(file, fieldPath(issue.path), issue.message);
}

/** Builds the catalog from the agency files (name → parsed JSON), validating every file (with `schema`: summaries). */
export function buildCatalog(files: Record<string, unknown>): Catalog;
export function buildCatalog<A extends AgencySummary>(files: Record<string, unknown>, schema: z.ZodType<A>): Catalog<A>;
export function buildCatalog(files: Record<string, unknown>, schema: z.ZodType<AgencySummary> = agencySchema): Catalog<AgencySummary> {
  const agencies: AgencySummary[] = [];
  const services = new Map<string, { service: ServiceSummary; agency: AgencySummary }>();
  const agencyFile = new Map<string, string>();
  for (const file of Object.keys(files).sort()) {
    const agency = parseSceneFile(schema, file, files[file]);
    const other = agencyFile.get(agency.code);
    if (other) throw new SceneError(file, 'code', `agency code "${agency.code}" is also used by ${other}`);
    agencyFile.set(agency.code, file);
    agency.services.forEach((service, i) => {
      const owner = services.get(service.code);
      if (owner) {
        throw new SceneError(file, `services[${i}].code`, `service code "${service.code}" is also used by agency "${owner.agency.code}"`);
      }
      services.set(service.code, { service, agency });
    });
    agencies.push(agency);
  }
  if (agencies.length === 0) throw new SceneError('scenes/agencies', '', 'no agency files found');
  return { agencies, services };
}

