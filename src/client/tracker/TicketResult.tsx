import { lazy, Suspense, useId, useState } from 'react';
import { useLang, useFeatureT } from '../i18n';
import { formStrings } from '../i18n/formStrings';
import { catalog } from '../catalog';
import { useKiosk } from '../kiosk/kioskStore';
import { keepMyTicket } from './myTickets';
import { InstallButton } from '../shell/InstallButton';
import { useAppStore, type Filed } from '../state';
import { trackingUrl } from '../shell/capability';
import { StepHeading } from '../components/StepHeading';

// The QR code library travels in its own chunk, fetched once a ticket is shown.
const TicketQr = lazy(() => import('./TicketQr'));

/** The end of every report: a large ticket number to keep, or the promise to send it later. */
export function TicketResult({ filed }: { filed: Filed }) {
  const t = useFeatureT(formStrings);
  const resetFlow = useAppStore((s) => s.resetFlow);
  const openTracker = useAppStore((s) => s.openTracker);
  const announce = useAppStore((s) => s.announce);
  const labelId = useId();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const kiosk = useKiosk((s) => s.active);
  const lang = useLang();
  const [kept, setKept] = useState(false);

  if (filed.state === 'pending' || !filed.ticket) {
    return (
      <div className="step ticket ticket--pending" data-state="pending">
        <StepHeading>{t('pendingTitle')}</StepHeading>
        <p>{t('pendingText')}</p>
        <progress className="submit-progress" aria-label={t('pendingTitle')} />
      </div>
    );
  }

  const ticket = filed.ticket;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(ticket);
      setCopied('ok');
      announce(t('copied'));
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="step ticket" data-state="sent">
      <StepHeading>{t('ticketTitle')}</StepHeading>
      <p className="ticket-label" id={labelId}>
        {t(filed.isToken ? 'ticketToken' : 'ticketNumber')}
      </p>
      <p className={`ticket-number${filed.isToken ? ' ticket-number--token' : ''}`} data-testid="ticket-number" aria-describedby={labelId}>
        {ticket}
      </p>
      <p className="hint">{t('ticketKeep')}</p>
      {filed.notice && <p className="service-notice">{filed.notice}</p>}
      {filed.privateLink && (
        <section className="ticket-private" aria-labelledby={`${labelId}-private`}>
          <h3 id={`${labelId}-private`}>{t('privateLinkTitle')}</h3>
          <p className="hint">{t('privateLinkText')}</p>
          <p>
            <a className="secondary-button" href={filed.privateLink} data-testid="private-link" rel="noreferrer">
              {t('privateLinkOpen')}
            </a>
          </p>
        </section>
      )}
      <div className="ticket-actions">
        <button type="button" className="primary-button" onClick={copy}>
          {t('copy')}
        </button>
        {!filed.isToken && (
          <a
            className="secondary-button"
            href={trackingUrl(ticket)}
            onClick={(e) => {
              e.preventDefault();
              openTracker(ticket);
            }}
          >
            {t('trackThis')}
          </a>
        )}
      </div>
      {!filed.isToken && (
        <Suspense fallback={null}>
          <TicketQr ticket={ticket} privateLink={filed.privateLink} />
        </Suspense>
      )}
      {!kiosk && <InstallButton />}
      {!filed.isToken && !kiosk && (
        <button
          type="button"
          className="secondary-button"
          data-action="keep-ticket"
          disabled={kept}
          onClick={() => {
            keepMyTicket(ticket, catalog.services.get(filed.serviceCode)?.service.name[lang] ?? filed.serviceCode);
            setKept(true);
            announce(t('ticketKept'));
          }}
        >
          {t('keepTicket')}
        </button>
      )}
      <p className="hint" role="status">
        {copied === 'ok' ? t('copied') : copied === 'failed' ? t('copyFailed') : kept ? t('ticketKept') : ''}
      </p>
      <button type="button" className="secondary-button" onClick={resetFlow}>
        {t('newReport')}
      </button>
    </div>
  );
}
