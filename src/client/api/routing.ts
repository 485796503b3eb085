import type { AgencySummary, CatalogSummary, ServiceSummary, ServiceKind } from '../../shared/catalog';
import type { Lang } from '../../shared/i18n';
import { MAX_ROUTE_TEXT, ROUTE_API, type RouteAnswer } from '../../shared/routing/api';

/** What a citizen can do at a counter. */
export type Interaction = 'complain' | 'request' | 'inform' | 'track';

const KIND_OF: Record<Exclude<Interaction, 'track'>, ServiceKind> = {
  complain: 'complaint',
  request: 'request',
  inform: 'information',
};

export type Route =
  | { call: 'postRequest'; agency: AgencySummary; services: ServiceSummary[] }
  | { call: 'request'; agency: AgencySummary };

/**
 * Counter routing, driven by the catalog: which Open311 services an interaction at an
 * agency's counter may file to, or that it is a tracking look-up.
 */
export function routeInteraction(catalog: CatalogSummary, agencyCode: string, interaction: Interaction): Route {
  const agency = catalog.agencies.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(`unknown counter "${agencyCode}"`);
  if (interaction === 'track') return { call: 'request', agency };
  return { call: 'postRequest', agency, services: agency.services.filter((s) => s.kind === KIND_OF[interaction]) };
}

/** The interactions a counter offers, in the order it shows them. */
export function interactionsAt(agency: AgencySummary): Interaction[] {
  const kinds = new Set(agency.services.map((s) => s.kind));
  const list: Interaction[] = [];
  if (kinds.has('complaint')) list.push('complain');
  if (kinds.has('request')) list.push('request');
  if (kinds.has('information')) list.push('inform');
  list.push('track');
  return list;
}

export interface Suggestion {
  agency: AgencySummary;
  /** The service the text most likely belongs to (a complaint, a request or a question). */
  service: ServiceSummary;
  /** The citizen's words that the service's catalog entry also has (known offline only). */
  matched: string[];
  /** 0–1, higher is surer. */
  score: number;
}

export interface Proposal {
  /** Best first; when unsure, the general counter first. */
  suggestions: Suggestion[];
  unsure: boolean;
  /** Answered on this device because the server could not be reached. */
  local: boolean;
}

/** The interaction that files to a service of this kind. */
export function interactionFor(kind: ServiceKind): Exclude<Interaction, 'track'> {
  return kind === 'request' ? 'request' : kind === 'information' ? 'inform' : 'complain';
}

type LocalRouter = import('../../shared/routing').Router;
let local: Promise<LocalRouter> | null = null;
const importRouting = () => Promise.all([import('../../shared/routing'), import('../../../scenes/routing/words.json')]);
let modules: ReturnType<typeof importRouting> | null = null;

/**
 * Fetches the matcher's code and word lists (a separate chunk) without building its index. Call
 * it as soon as the page has mounted, not on an idle callback: a browser keeps a failed module
 * import, so one that ran after the connection was lost could never answer offline.
 */
export function loadRoutingModules(): ReturnType<typeof importRouting> {
  if (!modules) {
    modules = importRouting();
    modules.catch(() => {
      modules = null;
    });
  }
  return modules;
}

/**
 * The same matcher the server runs, built from loadRoutingModules() on demand; call early so
 * that it is on the device before the network goes.
 */
export function loadLocalRouter(catalog: CatalogSummary): Promise<LocalRouter> {
  if (!local) {
    local = loadRoutingModules().then(([routing, words]) => routing.createRouter(catalog, routing.routingWordsSchema.parse(words.default)));
    local.catch(() => {
      local = null;
    });
  }
  return local;
}

function toSuggestions(catalog: CatalogSummary, answer: RouteAnswer, router: LocalRouter | null, text: string): Suggestion[] {
  return answer.suggestions.flatMap((s) => {
    const owner = catalog.services.get(s.service_code);
    return owner ? [{ agency: owner.agency, service: owner.service, score: s.score, matched: router?.matched(text, s.service_code) ?? [] }] : [];
  });
}

/**
 * "No wrong door": proposes the services a citizen's own words belong to, best first. Asks
 * the server (GET /api/route); when it cannot be reached or refuses, the same matcher answers
 * on the device.
 */
export async function proposeServices(
  catalog: CatalogSummary,
  text: string,
  lang: Lang,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Proposal> {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const routerPromise = loadLocalRouter(catalog);
  try {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 4000);
    const response = await doFetch(`${ROUTE_API}?${new URLSearchParams({ text: text.slice(0, MAX_ROUTE_TEXT), lang })}`, {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    }).finally(() => clearTimeout(timer));
    if (response.ok) {
      const answer = (await response.json()) as RouteAnswer;
      const router = await routerPromise.catch(() => null);
      return { suggestions: toSuggestions(catalog, answer, router, text), unsure: answer.unsure, local: false };
    }
  } catch {
    // Offline or the server is away: the device answers.
  }
  const router = await routerPromise;
  const answer = router.route(text, lang);
  return { suggestions: toSuggestions(catalog, answer, router, text), unsure: answer.unsure, local: true };
}
