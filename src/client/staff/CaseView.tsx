import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { NEXT_STAGES, STAGE_INFO, type Stage } from '../../shared/stages';
import { catalog } from '../catalog';
import { serviceDefinition } from '../serviceDefinitions';
import { useLang, useT, type MessageKey } from '../i18n';
import { useStaffT } from '../i18n/useStaffT';
import { CasePhotos } from './CasePhotos';
import { formatCityDate } from '../i18n/format';
import { staffApi, StaffApiError, type CaseDetail } from '../api/staffApi';
import { useAppStore } from '../state';
import { CaseTimeline, PassForm, ReplyForm } from './CaseLoopPanel';
import { RevokeLink } from './RevokeLink';
import { TranscriptLines } from './TranscriptLines';
import { MergeForm } from './MergeForm';

const CONTACT_LABELS: Record<string, MessageKey> = { first_name: 'firstName', last_name: 'lastName', phone: 'phone', email: 'email' };

type Load = { kind: 'loading' } | { kind: 'error'; status: number } | { kind: 'ok'; data: CaseDetail };

/** An attribute's name and its value(s) in words, from the service definition the case was filed to. */
function describeAttributes(serviceCode: string, attributes: Record<string, string | string[]>, lang: 'id' | 'en'): { label: string; value: string }[] {
  const service = serviceDefinition(serviceCode);
  return Object.entries(attributes).map(([code, raw]) => {
    const def = service?.attributes.find((a) => a.code === code);
    const name = (key: string) => def?.values?.find((v) => v.key === key)?.name[lang] ?? key;
    const value = Array.isArray(raw) ? raw.map(name).join(', ') : name(raw);
    return { label: def?.description[lang] ?? code, value };
  });
}

/**
 * One case as staff see it: what was reported, the contact (personal data, access logged),
 * the notes with any counter transcripts, and the stage change with a note for the citizen.
 */
export function CaseView({ id, onBack }: { id: string; onBack: () => void }) {
  const t = useStaffT();
  const tc = useT();
  const lang = useLang();
  const ids = { title: useId(), stage: useId(), note: useId(), result: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [next, setNext] = useState<Stage | ''>('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const staff = useAppStore((s) => s.staff);

  useEffect(() => {
    let live = true;
    staffApi
      .case(id)
      .then(({ case: data }) => {
        if (!live) return;
        setLoad({ kind: 'ok', data });
      })
      .catch((e: unknown) => live && setLoad({ kind: 'error', status: e instanceof StaffApiError ? e.status : -1 }));
    return () => {
      live = false;
    };
  }, [id, reloads]);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const stage: Stage = load.kind === 'ok' ? (load.data.stage ?? 'received') : 'received';
  const options = NEXT_STAGES[stage];

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (!next || saving) return;
    setSaving(true);
    setResult(null);
    try {
      await staffApi.moveStage(id, next, note.trim() || undefined);
      setResult({ ok: true, text: t('stageSaved', { stage: STAGE_INFO[next].label[lang] }) });
      setNext('');
      setNote('');
      setReloads((n) => n + 1);
    } catch (error) {
      const status = error instanceof StaffApiError ? error.status : -1;
      const detail = error instanceof StaffApiError ? error.detail : '';
      setResult({ ok: false, text: status === 409 ? t('stageConflict') : status === 401 ? t('sessionEnded') : t('requestFailed', { status, detail }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="console-section case-view" aria-labelledby={ids.title} data-case-view={id}>
      <button type="button" className="link-button" onClick={onBack}>
        ← {t('backToList')}
      </button>
      <h3 id={ids.title} ref={headingRef} tabIndex={-1}>
        {t('caseTitle', { id })}
      </h3>
      {load.kind === 'loading' && <p className="hint">{t('casesLoading')}</p>}
      {load.kind === 'error' && (
        <p className="form-error" role="alert">
          {load.status === 401 ? t('sessionEnded') : t('caseFailed', { status: load.status })}
        </p>
      )}
      {load.kind === 'ok' && (
        <>
          <dl className="case-facts">
            <div>
              <dt>{t('caseStage')}</dt>
              <dd data-testid="case-stage" data-stage={stage}>
                {STAGE_INFO[stage].label[lang]}
              </dd>
            </div>
            <div>
              <dt>{t('fileService')}</dt>
              <dd>{load.data.service_name}</dd>
            </div>
            <div>
              <dt>{t('caseFiled')}</dt>
              <dd>{formatCityDate(load.data.requested_datetime, lang)}</dd>
            </div>
            {load.data.address && (
              <div>
                <dt>{t('caseAddress')}</dt>
                <dd>{load.data.address}</dd>
              </div>
            )}
          </dl>
          <h4>{t('caseDescription')}</h4>
          <p className="case-description">{load.data.description}</p>
          <CasePhotos id={id} />
          {load.data.attributes && Object.keys(load.data.attributes).length > 0 && (
            <>
              <h4>{t('caseAttributes')}</h4>
              <dl className="case-attributes">
                {describeAttributes(load.data.service_code, load.data.attributes, lang).map((a) => (
                  <div key={a.label}>
                    <dt>{a.label}</dt>
                    <dd>{a.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <div className="case-contact">
            <h4>{t('caseContact')}</h4>
            {load.data.contact || Object.keys(load.data.private_attributes).length > 0 ? (
              <>
                <p className="personal-note">{t('personalNote')}</p>
                <dl>
                  {Object.entries(load.data.contact ?? {})
                    .filter(([, v]) => v)
                    .map(([k, v]) => ({ label: CONTACT_LABELS[k] ? tc(CONTACT_LABELS[k]) : k, value: String(v) }))
                    .concat(describeAttributes(load.data.service_code, load.data.private_attributes, lang))
                    .map((row) => (
                      <div key={row.label}>
                        <dt>{row.label}</dt>
                        <dd>{row.value}</dd>
                      </div>
                    ))}
                </dl>
              </>
            ) : (
              <p className="hint">{t('caseNoContact')}</p>
            )}
          </div>
          {load.data.reopened && <p className="case-badge case-badge--reopened">{t('badgeReopened')}</p>}
          {load.data.people_affected !== undefined && (
            <p className="case-affected" data-testid="case-affected">
              {t('peopleAffected', { count: load.data.people_affected })}
            </p>
          )}
          {load.data.merged_into && <p className="case-badge">{t('mergedInto', { id: load.data.merged_into })}</p>}
          {load.data.assigned_to && (
            <p>
              {t('assignedTo')}: {load.data.assigned_to.display_name}
            </p>
          )}
          {(load.data.support_agencies ?? []).length > 0 && (
            <p>
              {t('supportAgencies')}: {(load.data.support_agencies ?? []).map((code) => catalog.agencies.find((a) => a.code === code)?.short_name[lang] ?? code).join(', ')}
            </p>
          )}
          <h4>{load.data.timeline ? t('timeline') : t('caseNotes')}</h4>
          {load.data.timeline ? (
            <CaseTimeline entries={load.data.timeline} />
          ) : (load.data.notes ?? []).length === 0 ? (
            <p className="hint">{t('caseNoNotes')}</p>
          ) : (
            <ol className="history case-notes">
              {[...(load.data.notes ?? [])]
                .sort((a, b) => a.datetime.localeCompare(b.datetime))
                .map((n, i) => (
                  <li key={`${n.datetime}-${i}`} data-note-type={n.type}>
                    <time dateTime={n.datetime}>{formatCityDate(n.datetime, lang)}</time>
                    <span className="history-stage">
                      {n.type === 'transcript' ? t('noteTranscript') : n.stage ? STAGE_INFO[n.stage].label[lang] : t('noteNote')}
                    </span>
                    {n.lines ? (
                      <TranscriptLines lines={n.lines} />
                    ) : (
                      <p className={n.type === 'transcript' ? 'transcript' : undefined}>{n.description}</p>
                    )}
                  </li>
                ))}
            </ol>
          )}
          <ReplyForm data={load.data} onDone={() => setReloads((n) => n + 1)} />
          {staff && <PassForm data={load.data} staff={staff} onDone={() => setReloads((n) => n + 1)} />}
          <RevokeLink data={load.data} />
          <MergeForm data={load.data} onDone={() => setReloads((n) => n + 1)} />
          {/* Area officers and supporting agencies reply and note; only the lead or a supervisor moves the stage. */}
          {load.data.role !== 'area' && load.data.role !== 'support' && (
            <form className="stage-form" onSubmit={onSave} noValidate>
              <h4>{t('changeStage')}</h4>
              {options.length === 0 ? (
                <p className="hint">{t('stageFinal')}</p>
              ) : (
                <>
                  <div className="field">
                    <label htmlFor={ids.stage}>{t('newStage')}</label>
                    <select id={ids.stage} value={next} onChange={(e) => setNext(e.target.value as Stage | '')} data-field="stage">
                      <option value="">—</option>
                      {options.map((s) => (
                        <option key={s} value={s}>
                          {STAGE_INFO[s].label[lang]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={ids.note}>{t('stageNote')}</label>
                    <p className="hint" id={`${ids.note}-hint`}>
                      {t('stageNoteHint')}
                    </p>
                    <textarea id={ids.note} rows={3} maxLength={2000} value={note} aria-describedby={`${ids.note}-hint`} onChange={(e) => setNote(e.target.value)} data-field="note" />
                  </div>
                  <button type="submit" className="primary-button" disabled={!next || saving} data-action="save-stage">
                    {t('stageSave')}
                  </button>
                </>
              )}
              <p id={ids.result} role="status" className={result && !result.ok ? 'form-error' : 'hint'}>
                {result?.text ?? ''}
              </p>
            </form>
          )}
        </>
      )}
    </section>
  );
}
