import type { AgencySummary, ServiceSummary } from '../../shared/catalog';
import type { Lang } from '../../shared/i18n';
import { interactionFor, loadLocalRouter, loadRoutingModules, proposeServices } from '../api';
import { whenIdle } from '../whenIdle';
import { catalog } from '../catalog';
import type { Intent } from '../state';

/** A counter and service proposed for the citizen's words. */
export interface Proposal {
  agency: AgencySummary;
  service: ServiceSummary;
}

/** The general counter's complaint service: "no wrong door" when the words say too little. */
export function generalProposal(): Proposal {
  const agency = catalog.agencies.find((a) => a.general) ?? catalog.agencies[0];
  const service = agency.services.find((s) => s.kind === 'complaint') ?? agency.services[0];
  return { agency, service };
}

/**
 * Counters for the citizen's words, best first (at most three), and whether the match is
 * unsure (then the general counter comes first): the server's routing (GET /api/route), or the
 * same matcher on the device when offline.
 */
export async function proposeCounters(text: string, lang: Lang): Promise<{ proposals: Proposal[]; unsure: boolean }> {
  const answer = await proposeServices(catalog, text, lang);
  const found = answer.suggestions.slice(0, 3).map((s) => ({ agency: s.agency, service: s.service }));
  if (found.length === 0) return { proposals: [generalProposal()], unsure: true };
  return { proposals: found, unsure: answer.unsure };
}

/**
 * Fetches the on-device matcher's code and word lists at once, so the first step answers
 * offline too (a failed import would stay failed, see loadRoutingModules). Its index is built
 * only when the citizen comes to write (prepareIndex), not while the welcome page is idle:
 * that took ~100 ms of the main thread in the world bench (headless Chromium, 2 cores), in the
 * way of the taps into the hall, for citizens who never write here.
 */
export function prepareProposals(): void {
  loadRoutingModules().catch(() => {});
}

/** The citizen is about to write: the matcher's index is built meanwhile (once), when the page is idle (not while a phone's keyboard comes up). */
export function prepareIndex(): void {
  whenIdle(() => void loadLocalRouter(catalog).catch(() => {}), 1000);
}

/** The intent a confirmed proposal starts: that service's form with the words filled in. */
export function intentOf(p: Proposal, text: string): Intent {
  return { agency: p.agency.code, serviceCode: p.service.code, interaction: interactionFor(p.service.kind), text: text.trim() };
}
