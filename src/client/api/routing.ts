import type { Agency, Catalog, Service, ServiceKind } from '../../shared/catalog';

/** What a citizen can do at a counter. */
export type Interaction = 'complain' | 'request' | 'inform' | 'track';

const KIND_OF: Record<Exclude<Interaction, 'track'>, ServiceKind> = {
  complain: 'complaint',
  request: 'request',
  inform: 'information',
};

export type Route =
  | { call: 'postRequest'; agency: Agency; services: Service[] }
  | { call: 'request'; agency: Agency };

/**
 * Counter routing, driven by the catalog: which Open311 services an interaction at an
 * agency's counter may file to, or that it is a tracking look-up.
 */
export function routeInteraction(catalog: Catalog, agencyCode: string, interaction: Interaction): Route {
  const agency = catalog.agencies.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(`unknown counter "${agencyCode}"`);
  if (interaction === 'track') return { call: 'request', agency };
  return { call: 'postRequest', agency, services: agency.services.filter((s) => s.kind === KIND_OF[interaction]) };
}

/** The interactions a counter offers, in the order it shows them. */
export function interactionsAt(agency: Agency): Interaction[] {
  const kinds = new Set(agency.services.map((s) => s.kind));
  const list: Interaction[] = [];
  if (kinds.has('complaint')) list.push('complain');
  if (kinds.has('request')) list.push('request');
  if (kinds.has('information')) list.push('inform');
  list.push('track');
  return list;
}

function normalize(text: string): string {
  return ` ${text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

export interface Suggestion {
  agency: Agency;
  /** The complaint service the text most likely belongs to. */
  service: Service;
  /** The keywords found in the text. */
  matched: string[];
  score: number;
}

/**
 * "No wrong door": proposes the agencies a free-text complaint belongs to, best first, by
 * the keywords of the agencies and their complaint services. Empty when nothing matches.
 */
export function suggestAgencies(catalog: Catalog, text: string): Suggestion[] {
  const haystack = normalize(text);
  const has = (keyword: string) => haystack.includes(normalize(keyword));
  const suggestions: Suggestion[] = [];
  for (const agency of catalog.agencies) {
    if (agency.general) continue;
    const complaints = agency.services.filter((s) => s.kind === 'complaint');
    const agencyHits = agency.keywords.filter(has);
    let best: { service: Service; hits: string[] } = { service: complaints[0], hits: [] };
    for (const service of complaints) {
      const hits = service.keywords.filter(has);
      if (hits.length > best.hits.length) best = { service, hits };
    }
    const matched = [...new Set([...agencyHits, ...best.hits])];
    // Longer phrases ("lampu jalan") say more than single words.
    const score = matched.reduce((sum, k) => sum + k.split(/\s+/).length, 0);
    if (score > 0) suggestions.push({ agency, service: best.service, matched, score });
  }
  return suggestions.sort((a, b) => b.score - a.score);
}
