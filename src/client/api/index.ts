import type { Lang } from '../../shared/i18n';
import type { ClientConfig } from '../../shared/open311';
import { loadClientConfig } from './config';
import { createOpen311Client, type Open311Client } from './open311Client';
import { Outbox } from './outbox';

export { ApiError, describeApiError } from './errors';
export { createOpen311Client, encodeSubmission, type Open311Client, type RequestsQuery } from './open311Client';
export { Outbox, type OutboxEntry } from './outbox';
export {
  interactionFor,
  interactionsAt,
  loadLocalRouter,
  loadRoutingModules,
  proposeServices,
  routeInteraction,
  type Interaction,
  type Proposal,
  type Route,
  type Suggestion,
} from './routing';
export { loadClientConfig } from './config';

const clients = new Map<Lang, Promise<Open311Client>>();
let config: Promise<ClientConfig> | null = null;

/** The server's runtime configuration for this client, fetched once (and again after a failure). */
export function clientConfig(): Promise<ClientConfig> {
  if (!config) {
    config = loadClientConfig();
    config.catch(() => {
      config = null;
    });
  }
  return config;
}

/** The app's Open311 client in a language, configured once from the server (or the build). */
export function getClient(lang: Lang): Promise<Open311Client> {
  let client = clients.get(lang);
  if (!client) {
    client = clientConfig().then((c) =>
      createOpen311Client({ baseUrl: c.open311_base, apiKey: c.api_key, jurisdictionId: c.jurisdiction_id, lang }),
    );
    client.catch(() => clients.delete(lang));
    clients.set(lang, client);
  }
  return client;
}

/** The app's one outbox; submissions are sent in Indonesian (the server stores them as typed). */
export const outbox = new Outbox(() => getClient('id'));
