import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { useHall } from '../net/hallStore';
import { lastOf } from './ChatBox';

/**
 * With the citizen's consent, the conversation becomes a note on their report: the one just
 * filed at this counter, or a ticket number they type.
 */
export function AttachTranscript({ ticket }: { ticket?: string }) {
  const t = useT();
  const ids = { ticket: useId(), consent: useId(), error: useId() };
  const [value, setValue] = useState(ticket ?? '');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentFor, setSentFor] = useState<string | null>(null);
  const attached = useHall((s) => lastOf(s.notices, (n) => n.kind === 'attached'));
  const refused = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && n.detail.type === 'attachTranscript'));
  // The typed value follows a ticket filed after this box appeared, until the citizen edits it.
  const [lastTicket, setLastTicket] = useState(ticket);
  if (ticket !== lastTicket) {
    setLastTicket(ticket);
    if (ticket) setValue(ticket);
  }

  const doneId = attached ? String(attached.detail.service_request_id) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const id = value.trim();
    if (!id) return setError(t('attachNeedTicket'));
    if (!consent) return setError(t('attachNeedConsent'));
    setError(null);
    const hall = useHall.getState();
    if (refused) hall.dismissNotice(refused.id);
    if (attached) hall.dismissNotice(attached.id);
    hall.send('attachTranscript', { service_request_id: id });
    setSentFor(id);
  };

  if (doneId && doneId === sentFor) {
    return (
      <p className="notice notice--ok attach-done" role="status" data-attached={doneId}>
        {t('attachDone', { id: doneId })}
      </p>
    );
  }
  const message = error ?? (refused && sentFor ? t('attachRefused') : null);
  return (
    <form className="attach" onSubmit={onSubmit} noValidate aria-labelledby={`${ids.ticket}-legend`}>
      <p className="attach-title" id={`${ids.ticket}-legend`}>
        {t('attachLegend')}
      </p>
      <p className="hint">{t('attachHint')}</p>
      <div className="field">
        <label htmlFor={ids.ticket}>{t('attachTicket')}</label>
        <input
          id={ids.ticket}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={value}
          aria-describedby={message ? ids.error : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <label className="choice-option consent-check">
        <input type="checkbox" id={ids.consent} name="attach-consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        <span>{t('attachConsent')}</span>
      </label>
      {message && (
        <p className="field-error" id={ids.error} role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="primary-button" data-action="attach">
        {t('attachButton')}
      </button>
    </form>
  );
}
