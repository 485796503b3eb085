import { useId, useState, type FormEvent } from 'react';
import { staffApi, type CaseDetail } from '../api/staffApi';
import { useStaffT } from '../i18n/useStaffT';
import { failure, type Result } from './CaseLoopPanel';

/**
 * Merge this case (a duplicate) into another: the lead agency or a supervisor. The duplicate is
 * archived and points to the kept case; its reporter and followers follow the kept one.
 */
export function MergeForm({ data, onDone }: { data: CaseDetail; onDone: () => void }) {
  const t = useStaffT();
  const ids = { into: useId(), reason: useId(), hint: useId() };
  const [into, setInto] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Result>(null);
  if ((data.role !== 'lead' && data.role !== 'supervisor') || data.status !== 'open' || data.merged_into) return null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!into.trim()) return;
    try {
      const answer = await staffApi.merge(data.service_request_id, into.trim(), reason.trim() || undefined);
      setResult({ ok: true, text: t('mergeDone', { id: answer.merged_into, count: answer.people_affected }) });
      onDone();
    } catch (error) {
      setResult(failure(t, error));
    }
  };

  return (
    <form className="stage-form merge-form" onSubmit={onSubmit} noValidate>
      <h4>{t('mergeTitle')}</h4>
      <div className="field">
        <label htmlFor={ids.into}>{t('mergeInto')}</label>
        <p className="hint" id={ids.hint}>
          {t('mergeHint')}
        </p>
        <input id={ids.into} type="text" autoComplete="off" spellCheck={false} maxLength={64} value={into} aria-describedby={ids.hint} onChange={(e) => setInto(e.target.value)} data-field="merge-into" />
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>{t('mergeReason')}</label>
        <textarea id={ids.reason} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="secondary-button" disabled={!into.trim()} data-action="merge">
        {t('mergeSubmit')}
      </button>
      <p role="status" className={result && !result.ok ? 'form-error' : 'hint'}>
        {result?.text ?? ''}
      </p>
    </form>
  );
}
