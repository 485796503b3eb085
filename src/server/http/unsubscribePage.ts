import type { FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '../mail/render';

/**
 * The one-click unsubscribe pages (RFC 8058) of a reporter's and a follower's mails: GET shows
 * a button (mail scanners that follow links change nothing), POST answers.
 */
export function sendUnsubscribeForm(reply: FastifyReply, ticket: string, action: string): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Berhenti berlangganan / Unsubscribe</title>
<main><h1>Berhenti menerima surel / Stop e-mails</h1><p>Laporan ${escapeHtml(ticket)}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Berhenti / Unsubscribe</button></form></main></html>`,
    );
}

/** After the POST: a page for a browser, JSON for a mail client's one-click request. */
export function unsubscribed(request: FastifyRequest, reply: FastifyReply): FastifyReply | { ok: true; mail: 'off' } {
  if (request.headers.accept?.includes('text/html')) {
    return reply.type('text/html; charset=utf-8').send('<!doctype html><html lang="id"><meta charset="utf-8"><title>OK</title><main><h1>Anda tidak akan menerima surel lagi tentang laporan ini. / You will get no more e-mails about this report.</h1></main></html>');
  }
  return { ok: true, mail: 'off' };
}
