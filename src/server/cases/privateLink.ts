import type { AppContext } from '../http/context';
import type { RequestRow } from '../db/requestStore';
import { followupKey, followupSecret } from './followupLink';
import { citizenLinks } from './links';

/**
 * The private follow-up link of a case, for the one who filed it (the POST answer, the
 * officer filing on the citizen's behalf); never part of a public GET. Always absolute, from
 * the one public base URL (PUBLIC_URL, else where the server listens), as in the mails.
 */
export function privateLink(ctx: AppContext, row: Pick<RequestRow, 'service_request_id' | 'followup_version'>): string {
  const secret = followupSecret(followupKey(ctx.secrets.piiKey), row.service_request_id, row.followup_version);
  return citizenLinks(ctx.publicBaseUrl(), secret).followup;
}
