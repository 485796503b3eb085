import { places } from '../forms/places';
import { AREA_SUPPORT_PREFIX } from '../../shared/staff';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TimelineEntry } from '../../shared/caseLoop';
import type { StaffProfile } from '../../shared/staff';
import { catalog } from '../catalog';
import { useLang } from '../i18n';
import { formatCityDate } from '../i18n/format';
import { useStaffT, type StaffTranslate } from '../i18n/useStaffT';
import { staffApi, StaffApiError, type CaseDetail } from '../api/staffApi';
import { TranscriptLines } from './TranscriptLines';

export type Result = { ok: boolean; text: string } | null;

export function failure(t: StaffTranslate, error: unknown): Result {
  const status = error instanceof StaffApiError ? error.status : -1;
  return { ok: false, text: status === 401 ? t('sessionEnded') : t('actionFailed', { status, detail: error instanceof StaffApiError ? error.detail : String(error) }) };
}

/** The case's one timeline: replies, notes, transfers, the citizen's words, reopenings, ratings. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useStaffT();
  const lang = useLang();
  const vis = { public: t('visPublic'), private: t('visPrivate'), internal: t('visInternal') } as const;
  return (
    <ol className="history case-timeline" aria-label={t('timeline')}>
      {entries.map((e) => (
        <li key={e.id} data-entry-kind={e.kind} data-note-type={e.kind} data-visibility={e.visibility}>
          <time dateTime={e.datetime}>{formatCityDate(e.datetime, lang)}</time>
          <span className="history-stage">
            {e.who ?? t('systemWho')} · {vis[e.visibility]}
          </span>
          {e.lines ? <TranscriptLines lines={e.lines} /> : e.text && <p className={e.kind === 'transcript' ? 'transcript' : undefined}>{e.text}</p>}
          {e.rating !== undefined && <p>{'★'.repeat(e.rating)}</p>}
        </li>
      ))}
    </ol>
  );
}

/** Reply (public, mailed) or internal note, starting from a service template the officer may edit. */
export function ReplyForm({ data, onDone }: { data: CaseDetail; onDone: () => void }) {
  const t = useStaffT();
  const lang = useLang();
  const ids = { template: useId(), text: useId(), kind: useId() };
  const [text, setText] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const templates = data.templates ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      await staffApi.addEntry(data.service_request_id, text.trim(), isPublic);
      setText('');
      setResult({ ok: true, text: t('replySent') });
      onDone();
    } catch (error) {
      setResult(failure(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stage-form reply-form" onSubmit={submit} noValidate>
      <h4>{t('replyTitle')}</h4>
      {templates.length > 0 && (
        <div className="field">
          <label htmlFor={ids.template}>{t('template')}</label>
          <select
            id={ids.template}
            defaultValue=""
            data-field="template"
            onChange={(e) => {
              const tpl = templates.find((x) => x.id === e.target.value);
              if (tpl) setText(tpl.text[lang]);
            }}
          >
            <option value="">{t('noTemplate')}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.text}>{t('replyText')}</label>
        <textarea id={ids.text} rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-field="reply" />
      </div>
      <fieldset className="field">
        <legend className="sr-only">{t('replyTitle')}</legend>
        <label>
          <input type="radio" name={ids.kind} checked={isPublic} onChange={() => setPublic(true)} data-field="reply-public" /> {t('replyPublic')}
        </label>
        <label>
          <input type="radio" name={ids.kind} checked={!isPublic} onChange={() => setPublic(false)} data-field="reply-internal" /> {t('replyInternal')}
        </label>
      </fieldset>
      <button type="submit" className="primary-button" disabled={!text.trim() || busy} data-action="send-reply">
        {t('replySend')}
      </button>
      <p role="status" className={result && !result.ok ? 'form-error' : 'hint'}>
        {result?.text ?? ''}
      </p>
    </form>
  );
}

/** Transfer to another agency, or ask one for support; a supervisor also assigns an officer. */
export function PassForm({ data, staff, onDone }: { data: CaseDetail; staff: StaffProfile; onDone: () => void }) {
  const t = useStaffT();
  const lang = useLang();
  const ids = { agency: useId(), reason: useId(), officer: useId() };
  const [agency, setAgency] = useState('');
  const [reason, setReason] = useState('');
  const [officer, setOfficer] = useState('');
  const [officers, setOfficers] = useState<{ username: string; display_name: string }[]>([]);
  const [result, setResult] = useState<Result>(null);
  const lead = data.agency_code;
  const canPass = data.role === 'lead' || data.role === 'supervisor';
  // Issue 13: the case's lurah and camat may be asked to help (support only; they never lead).
  const kelurahan = data.address_id ? places.byCode.get(data.address_id) : undefined;
  const areaOptions = kelurahan
    ? [
        { code: `${AREA_SUPPORT_PREFIX}${kelurahan.code}`, label: t('areaLurah', { name: kelurahan.name }) },
        { code: `${AREA_SUPPORT_PREFIX}${kelurahan.kecamatan.code}`, label: t('areaCamat', { name: kelurahan.kecamatan.name }) },
      ]
    : [];

  useEffect(() => {
    if (staff.role !== 'supervisor' || !lead) return;
    staffApi.officers(lead).then(
      (r) => setOfficers(r.officers),
      () => setOfficers([]),
    );
  }, [staff.role, lead]);

  if (!canPass) return null;
  const run = async (action: 'transfer' | 'support') => {
    if (!agency || !reason.trim()) return;
    try {
      await (action === 'transfer' ? staffApi.transfer(data.service_request_id, agency, reason.trim()) : staffApi.support(data.service_request_id, agency, reason.trim()));
      setResult({ ok: true, text: t('passDone') });
      setReason('');
      onDone();
    } catch (error) {
      setResult(failure(t, error));
    }
  };
  const assign = async (e: FormEvent) => {
    e.preventDefault();
    if (!officer) return;
    try {
      await staffApi.assign(data.service_request_id, officer);
      setResult({ ok: true, text: t('passDone') });
      onDone();
    } catch (error) {
      setResult(failure(t, error));
    }
  };

  return (
    <div className="stage-form pass-form">
      <h4>{t('passTitle')}</h4>
      <div className="field">
        <label htmlFor={ids.agency}>{t('passAgency')}</label>
        <select id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)} data-field="pass-agency">
          <option value="">—</option>
          {catalog.agencies
            .filter((a) => a.code !== lead)
            .map((a) => (
              <option key={a.code} value={a.code}>
                {a.short_name[lang]}
              </option>
            ))}
          {areaOptions.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>{t('passReason')}</label>
        <textarea id={ids.reason} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-field="pass-reason" />
      </div>
      <div className="ticket-actions">
        <button type="button" className="primary-button" disabled={!agency || !reason.trim()} onClick={() => void run('transfer')} data-action="transfer">
          {t('transfer')}
        </button>
        <button type="button" className="secondary-button" disabled={!agency || !reason.trim()} onClick={() => void run('support')} data-action="support">
          {t('askSupport')}
        </button>
      </div>
      {staff.role === 'supervisor' && (
        <form onSubmit={assign}>
          <h4>{t('assignTitle')}</h4>
          <div className="field">
            <label htmlFor={ids.officer}>{t('assignOfficer')}</label>
            <select id={ids.officer} value={officer} onChange={(e) => setOfficer(e.target.value)} data-field="assign-officer">
              <option value="">—</option>
              {officers.map((o) => (
                <option key={o.username} value={o.username}>
                  {o.display_name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary-button" disabled={!officer} data-action="assign">
            {t('assign')}
          </button>
        </form>
      )}
      <p role="status" className={result && !result.ok ? 'form-error' : 'hint'}>
        {result?.text ?? ''}
      </p>
    </div>
  );
}
