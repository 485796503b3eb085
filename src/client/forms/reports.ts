import { outbox, type OutboxEntry } from '../api';
import type { SubmissionInput } from '../../shared/submission';
import { translate } from '../i18n';
import { useAppStore, type Filed } from '../state';

// While a submit is in flight its own caller shows the result; the sync below must not
// take the entry away from it.
let inFlight = 0;

function filedFrom(entry: OutboxEntry, agency: string): Filed {
  const result = entry.result?.[0];
  const ticket = result?.service_request_id ?? result?.token ?? undefined;
  return {
    entryId: entry.id,
    agency,
    serviceCode: entry.input.service_code ?? '',
    state: entry.state,
    ticket: ticket ?? undefined,
    isToken: !result?.service_request_id && !!result?.token,
    notice: result?.service_notice ?? undefined,
    privateLink: result?.private_link ?? undefined,
  };
}

function announceFiled(filed: Filed): void {
  const { lang, announce } = useAppStore.getState();
  if (filed.state === 'sent' && filed.ticket) announce(translate(lang, 'announceTicket', { id: filed.ticket }));
  else announce(translate(lang, 'announcePending'));
}

/**
 * Files a report through the outbox. Resolves when it was stored (sent, with its ticket)
 * or kept for later (pending); rejects with the ApiError when the server refused it.
 */
export async function fileReport(input: SubmissionInput, agency: string, photos: Blob[] = []): Promise<Filed> {
  inFlight += 1;
  let entry: OutboxEntry;
  try {
    entry = await outbox.submit(input, photos);
  } finally {
    inFlight -= 1;
  }
  const filed = filedFrom(entry, agency);
  useAppStore.getState().setFiled(filed);
  announceFiled(filed);
  // The ticket is on screen now; the device need not keep the report any longer.
  if (entry.state === 'sent') void outbox.remove(entry.id);
  return filed;
}

/** Follows the outbox: a pending report that gets sent shows its ticket where it was filed. */
function sync(entries: OutboxEntry[]): void {
  const store = useAppStore.getState();
  store.setPendingCount(entries.filter((e) => e.state === 'pending').length);
  if (inFlight > 0) return;
  for (const entry of entries) {
    if (entry.state !== 'sent') continue;
    const current = store.filed;
    if (outbox.fromEarlierVisit(entry)) {
      // Filed on this kiosk by a visitor who has gone: the ticket is not the next one's to see
      // (it went to the filer's e-mail when one was given).
    } else if (current?.entryId === entry.id) {
      const filed = filedFrom(entry, current.agency);
      store.setFiled(filed);
      announceFiled(filed);
    } else {
      const ticket = entry.result?.[0]?.service_request_id ?? entry.result?.[0]?.token;
      if (ticket) store.addDelivered(ticket);
    }
    void outbox.remove(entry.id);
  }
}

let started = false;

/** Starts sending kept reports (now and whenever the browser is back online). */
export function startOutbox(): void {
  if (started) return;
  started = true;
  outbox.subscribe(sync);
  outbox.start();
  void outbox.list().then(sync);
}
