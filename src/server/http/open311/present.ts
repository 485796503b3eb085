import type { Catalog } from '../../../shared/catalog';
import { contactAttributes, datatypeDescription } from '../../../shared/contactAttributes';
import { toCityIso } from '../../../shared/datetime';
import type { Lang } from '../../../shared/i18n';
import type { AttributeDefinition, Note, ServiceDefinition, ServiceListItem, ServiceRequest } from '../../../shared/open311';
import { redactPersonal } from '../../../shared/personal';
import { isStage, STAGE_INFO } from '../../../shared/stages';
import type { NoteRow, RequestRow } from '../../db/requestStore';
import { entryText, visibleTo } from '../../cases/timeline';

/** The public services list (GET services), in the asked language. */
export function presentServices(catalog: Catalog, lang: Lang): ServiceListItem[] {
  return [...catalog.services.values()].map(({ service, agency }) => ({
    service_code: service.code,
    service_name: service.name[lang],
    description: service.description[lang],
    metadata: service.attributes.length + contactAttributes(service).length > 0,
    type: service.type,
    keywords: service.keywords.join(','),
    group: agency.name[lang],
  }));
}

/**
 * A service definition (GET services/{code}): the catalog's attributes in file order, then the
 * contact the service requires (see contactAttributes), so a client learns every requirement here.
 */
export function presentDefinition(catalog: Catalog, code: string, lang: Lang): ServiceDefinition | undefined {
  const entry = catalog.services.get(code);
  if (!entry) return undefined;
  const attributes: AttributeDefinition[] = [...entry.service.attributes, ...contactAttributes(entry.service)].map((a, i) => ({
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: datatypeDescription(a, lang),
    order: i + 1,
    description: a.description[lang],
    ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name[lang] })) } : {}),
  }));
  return { service_code: code, attributes };
}

function noteText(catalog: Catalog, note: NoteRow, lang: Lang, audience: 'public' | 'staff'): string {
  const text = entryText(catalog, note, lang);
  return audience === 'staff' ? text : redactPersonal(text);
}

/**
 * A request as anyone may see it (GET requests): no name, contact, NIK, device or account,
 * and personal data typed into free text is masked.
 */
export function presentRequest(
  catalog: Catalog,
  row: RequestRow,
  lang: Lang,
  notes: NoteRow[] | undefined,
  extensions: boolean,
  audience: 'public' | 'staff' = 'public',
): ServiceRequest {
  const entry = catalog.services.get(row.service_code);
  const stage = isStage(row.stage) ? row.stage : 'received';
  // Internal notes, transcripts and the citizen's own words are for staff; the public sees public entries only.
  const visible = audience === 'staff' ? notes : notes?.filter((n) => visibleTo('public', n));
  // status_notes: the stage and the latest public word (a reply, a stage note or a transfer).
  const latest = notes?.filter((n) => visibleTo('public', n) && (n.description || n.type === 'transfer')).at(-1);
  const statusNote = latest ? ` — ${redactPersonal(entryText(catalog, latest, lang))}` : '';
  const request: ServiceRequest = {
    service_request_id: row.service_request_id,
    status: row.status,
    status_notes: `${STAGE_INFO[stage].label[lang]}${statusNote}`,
    service_name: entry?.service.name[lang] ?? row.service_code,
    service_code: row.service_code,
    description: row.description === null ? null : redactPersonal(row.description),
    // The lead agency: it follows a transfer (issue 12), so it is read from the case, not the service.
    agency_responsible: catalog.agencies.find((a) => a.code === row.agency_code)?.name[lang] ?? row.agency_code,
    service_notice: entry?.service.notice?.[lang] ?? null,
    requested_datetime: toCityIso(new Date(row.requested_at)),
    updated_datetime: toCityIso(new Date(row.updated_at)),
    expected_datetime: row.expected_at ? toCityIso(new Date(row.expected_at)) : null,
    address: row.address_string,
    address_id: row.address_id,
    zipcode: row.zipcode,
    lat: row.lat,
    long: row.long,
    media_url: row.media_url,
  };
  if (extensions) {
    request.stage = stage;
    request.people_affected = row.people_affected;
    request.merged_into = row.merged_into;
    request.notes = (visible ?? []).map(
      (n): Note => ({
        datetime: toCityIso(new Date(n.created_at)),
        description: noteText(catalog, n, lang, audience),
        type: n.type,
        ...(isStage(n.stage) ? { stage: n.stage } : {}),
        ...(audience === 'staff' && n.lines ? { lines: n.lines } : {}),
      }),
    );
  }
  return request;
}
