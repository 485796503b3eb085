import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { lanUrls } from './lan';

/**
 * The one answer to "at which address does the outside world reach this server", for every
 * absolute URL the server writes (Open311 discovery, ticket QR codes, links in mails).
 *
 * PUBLIC_URL when set (behind a TLS proxy it is the only way to know the scheme and name);
 * otherwise where this process listens: the first LAN address when it listens on every
 * interface, else the address it is bound to. Never the Host header of a request: a client
 * could name any host there, and the answer may be cached or mailed to someone else.
 */
export function publicBaseUrl(config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'> & { tlsCert?: string }, address?: AddressInfo | string | null): string {
  if (config.publicUrl) return config.publicUrl;
  // With TLS_CERT the server itself speaks HTTPS (issue 14: the microphone needs a secure context).
  const scheme = config.tlsCert ? 'https' : 'http';
  const port = address && typeof address === 'object' ? address.port : config.port;
  if (config.host === '0.0.0.0' || config.host === '::') return lanUrls(port, scheme)[0] ?? `${scheme}://localhost:${port}`;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `${scheme}://${host}:${port}`;
}
