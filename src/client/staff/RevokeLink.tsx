import { useId, useState, type FormEvent } from 'react';
import { useStaffT } from '../i18n/useStaffT';
import { staffApi, type CaseDetail } from '../api/staffApi';
import { failure, type Result } from './CaseLoopPanel';

/**
 * The lead agency or a supervisor revokes a leaked private link: a new one is issued (shown
 * here once, to hand to the citizen) and the old one answers like an unknown link. Asks twice.
 */
export function RevokeLink({ data }: { data: CaseDetail }) {
  const t = useStaffT();
  const ids = { title: useId(), reason: useId(), result: useId() };
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [link, setLink] = useState<string | null>(null);
  if (data.role !== 'lead' && data.role !== 'supervisor') return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirming) return setConfirming(true);
    try {
      const answer = await staffApi.revokeLink(data.service_request_id, reason.trim() || undefined);
      setLink(answer.private_link);
      setResult({ ok: true, text: t('revokeDone') });
      setReason('');
    } catch (error) {
      setResult(failure(t, error));
    }
    setConfirming(false);
  };

  return (
    <form className="stage-form revoke-link" onSubmit={submit} noValidate aria-labelledby={ids.title} data-revoke-link>
      <h4 id={ids.title}>{t('revokeTitle')}</h4>
      <p className="hint">{t('revokeLead')}</p>
      <div className="field">
        <label htmlFor={ids.reason}>{t('revokeReason')}</label>
        <input id={ids.reason} type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-field="revoke-reason" />
      </div>
      <button type="submit" className={confirming ? 'primary-button' : 'secondary-button'} data-action={confirming ? 'revoke-confirm' : 'revoke-link'} aria-describedby={ids.result}>
        {t(confirming ? 'revokeConfirm' : 'revokeButton')}
      </button>
      <p id={ids.result} role="status" className={result && !result.ok ? 'form-error' : 'hint'}>
        {result?.text ?? ''}
        {link && (
          <>
            {' '}
            <a href={link} data-testid="new-private-link" rel="noreferrer" target="_blank">
              {link}
            </a>
          </>
        )}
      </p>
    </form>
  );
}
