import { lazy, Suspense, useId } from 'react';
import { useFeatureT } from '../i18n';
import { offerStrings } from '../i18n/offerStrings';
import { useHall } from '../net/hallStore';
import { lastOf } from './ChatBox';

// The QR code library travels in its own chunk (as on the ticket page).
const TicketQr = lazy(() => import('../tracker/TicketQr'));

/**
 * The ticket the officer filed for this citizen during the conversation, handed over in the
 * chat: its number, the private link (only this citizen receives it) and its QR code, and one
 * tap that agrees to attach the conversation to it.
 */
export function OfferedCase({ id, privateLink }: { id: string; privateLink: string }) {
  const t = useFeatureT(offerStrings);
  const titleId = useId();
  const attached = useHall((s) => lastOf(s.notices, (n) => n.kind === 'attached' && n.detail.service_request_id === id));
  const refused = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && n.detail.type === 'attachTranscript'));
  const attach = () => {
    const hall = useHall.getState();
    if (refused) hall.dismissNotice(refused.id);
    hall.send('attachTranscript', { service_request_id: id });
  };
  return (
    <section className="offered-case" aria-labelledby={titleId} data-offered={id}>
      <h3 id={titleId}>{t('offerTitle')}</h3>
      <p className="ticket-number ticket-number--small" data-testid="offered-number">
        {id}
      </p>
      <p className="hint">{t('offerLead')}</p>
      <p>
        <a className="secondary-button" href={privateLink} data-testid="offered-private-link" rel="noreferrer" target="_blank">
          {t('privateLinkOpen')}
        </a>
      </p>
      <Suspense fallback={null}>
        <TicketQr ticket={id} privateLink={privateLink} />
      </Suspense>
      {attached ? (
        <p className="notice notice--ok attach-done" role="status" data-attached={id}>
          {t('attachDone', { id })}
        </p>
      ) : (
        <>
          <p className="hint">{t('offerAttachHint')}</p>
          <button type="button" className="primary-button" data-action="attach-offered" onClick={attach}>
            {t('offerAttach', { id })}
          </button>
          {refused && (
            <p className="field-error" role="alert">
              {t('attachRefused')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
