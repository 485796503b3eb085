import MiniSearch from 'minisearch';
import type { CatalogSummary, ServiceKind } from '../catalog';
import type { Lang } from '../i18n';
import { createAnalyzer } from './analyze';
import type { RouteAnswer, RouteSuggestion } from './api';
import type { RoutingWords } from './words';

export interface Router {
  route(text: string, lang?: Lang): RouteAnswer;
  /** The words of the text that the chosen service's catalog entry also has (for "because you wrote …"). */
  matched(text: string, serviceCode: string): string[];
}

/** Below this raw score the words said too little to pick a counter. */
const UNSURE_BELOW = 8;
const MAX_SUGGESTIONS = 5;

interface Doc {
  id: string;
  agency: string;
  kind: ServiceKind;
  general: boolean;
  keywords: string;
  agencyKeywords: string;
  name: string;
  description: string;
}

/**
 * Builds the free-text router over the catalog: each service is a document (its keywords,
 * its agency's keywords, its names and descriptions in both languages), searched with BM25
 * (MiniSearch) over words folded by the shared analyzer, then weighed by what the citizen
 * wants (to complain, to ask for a service, or to ask). One definition for server and client.
 */
export function createRouter(catalog: CatalogSummary, words: RoutingWords): Router {
  const analyzer = createAnalyzer(words);
  const intent = {
    request: new Set(words.intent.request),
    information: new Set(words.intent.information),
    complaint: new Set(words.intent.complaint),
  };
  const docs: Doc[] = catalog.agencies.flatMap((agency) =>
    agency.services.map((s) => ({
      id: s.code,
      agency: agency.code,
      kind: s.kind,
      general: agency.general,
      keywords: s.keywords.join(' . '),
      agencyKeywords: agency.keywords.join(' . '),
      name: `${s.name.id} . ${s.name.en}`,
      description: `${s.description.id} . ${s.description.en}`,
    })),
  );
  const byId = new Map(docs.map((d) => [d.id, d]));
  // Phrases are kept apart by " . " so that pairs never span two keywords.
  const tokenize = (text: string) => text.split(' . ').flatMap((part) => analyzer.terms(part));
  const index = new MiniSearch<Doc>({
    fields: ['keywords', 'agencyKeywords', 'name', 'description'],
    storeFields: [],
    tokenize,
    processTerm: (t) => t,
    searchOptions: {
      boost: { keywords: 3, name: 2, agencyKeywords: 1, description: 0.6 },
      // One typo in a longer word (drainse, sekolh); never in pairs or short words.
      fuzzy: (term) => (term.length >= 6 && !term.includes('_') ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(docs);

  const generalComplaint = docs.find((d) => d.general && d.kind === 'complaint')?.id;
  const generalInfo = docs.find((d) => d.general && d.kind === 'information')?.id;

  function kindWeights(text: string): Record<ServiceKind, number> {
    const plain = analyzer.plain(text);
    const count = (set: Set<string>) => Math.min(2, plain.filter((w) => set.has(w)).length);
    const question = /\?\s*$/.test(text) ? 1 : 0;
    return {
      complaint: 1.1 + 0.25 * count(intent.complaint),
      request: 1 + 0.3 * count(intent.request),
      information: 1 + 0.35 * Math.min(2, count(intent.information) + question),
    };
  }

  return {
    route(text) {
      const terms = analyzer.terms(text);
      const weights = kindWeights(text);
      const asks = weights.information > weights.complaint && weights.information > weights.request;
      if (terms.length === 0) return unsureAnswer([], asks ? 'information' : 'complaint');
      const hits = index
        .search(terms.join(' '), { tokenize: (q) => q.split(' ') })
        .map((h) => {
          const doc = byId.get(h.id as string)!;
          return { doc, raw: h.score * weights[doc.kind] };
        })
        .sort((a, b) => b.raw - a.raw);
      const scale = (raw: number) => Math.round((raw / (raw + 20)) * 1000) / 1000;
      const suggestions = hits.slice(0, MAX_SUGGESTIONS).map((h) => ({ service_code: h.doc.id, agency_code: h.doc.agency, score: scale(h.raw) }));
      const top = hits[0];
      if (!top || top.raw < UNSURE_BELOW) {
        return unsureAnswer(suggestions, asks ? 'information' : 'complaint');
      }
      return { suggestions, unsure: false };
    },
    matched(text, serviceCode) {
      const doc = byId.get(serviceCode);
      if (!doc) return [];
      const own = new Set(tokenize(`${doc.keywords} . ${doc.agencyKeywords} . ${doc.name}`));
      return analyzer.words(text).filter((w) => own.has(w));
    },
  };

  function unsureAnswer(found: RouteSuggestion[], kind: 'complaint' | 'information'): RouteAnswer {
    const first = (kind === 'information' ? generalInfo : generalComplaint) ?? generalComplaint;
    const general = first ? [{ service_code: first, agency_code: byId.get(first)!.agency, score: 0 }] : [];
    return { suggestions: [...general, ...found.filter((s) => s.service_code !== first)].slice(0, MAX_SUGGESTIONS), unsure: true };
  }
}
