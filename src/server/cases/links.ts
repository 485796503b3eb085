import { FOLLOWUP_API, followupUrl } from '../../shared/caseLoop';
import type { ServerConfig } from '../config';
import { lanUrls } from '../lan';

/**
 * The address citizens reach this server at, for absolute links in mails: PUBLIC_URL, else the
 * first LAN address (the same rule as the QR codes in clientPages.ts). The one call site to
 * repoint when the shared public-URL helper lands.
 */
export function publicBase(config: ServerConfig, listeningPort?: number): string {
  const port = listeningPort ?? config.port;
  return config.publicUrl ?? lanUrls(port)[0] ?? `http://localhost:${port}`;
}

export function citizenLinks(base: string, secret: string): { followup: string; unsubscribe: string } {
  return { followup: followupUrl(base, secret), unsubscribe: `${base}${FOLLOWUP_API}/unsubscribe?k=${secret}` };
}
