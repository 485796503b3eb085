import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ServiceRequest } from '../../shared/open311';
import { STAGE_INFO, type Stage } from '../../shared/stages';
import { ApiError, describeApiError, getClient } from '../api';
import { useLang, useFeatureT } from '../i18n';
import { nearbyStrings } from '../i18n/nearbyStrings';
import { useAppStore } from '../state';
import { formatCityDate } from '../i18n/format';
import { useKiosk } from '../kiosk/kioskStore';
import { TRACK_PATH } from '../shell/capability';

type Lookup =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'found'; request: ServiceRequest };

function stageOf(request: ServiceRequest): Stage {
  return request.stage ?? (request.status === 'closed' ? 'done' : 'received');
}

/** Looks a ticket up: its stage in plain words, the expected date and the history of notes. */
export function Tracker({ initialTicket }: { initialTicket?: string }) {
  const t = useFeatureT(nearbyStrings);
  const lang = useLang();
  const announce = useAppStore((s) => s.announce);
  const ids = { input: useId(), error: useId(), hint: useId(), result: useId() };
  const [value, setValue] = useState(initialTicket ?? '');
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });

  const run = useCallback(
    async (raw: string) => {
      const id = raw.trim();
      if (!id) {
        setLookup({ kind: 'error', message: t('trackerEmpty') });
        return;
      }
      setLookup({ kind: 'loading' });
      try {
        const client = await getClient(lang);
        const request = await client.request(id, true);
        setLookup({ kind: 'found', request });
        announce(t('announceTracked', { id: request.service_request_id, stage: STAGE_INFO[stageOf(request)].label[lang] }));
      } catch (error) {
        const offline = error instanceof ApiError && error.kind === 'network';
        const message = offline ? t('trackerOffline') : describeApiError(error, lang, 'lookup');
        setLookup({ kind: 'error', message });
        announce(message);
      }
    },
    [lang, t, announce],
  );

  useEffect(() => {
    if (initialTicket) void run(initialTicket);
  }, [initialTicket, run]);
  useTicketAddress(lookup.kind === 'found' ? lookup.request.service_request_id : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(value);
  };

  const error = lookup.kind === 'error' ? lookup.message : undefined;
  return (
    <div className="tracker">
      <form className="tracker-form" onSubmit={onSubmit} noValidate>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.input}>{t('trackerLabel')}</label>
          <p className="hint" id={ids.hint}>
            {t('trackerHint')}
          </p>
          <div className="input-with-button">
            <input
              id={ids.input}
              type="text"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
              onChange={(e) => setValue(e.target.value)}
            />
            <button type="submit" className="primary-button" disabled={lookup.kind === 'loading'}>
              {t('trackerSubmit')}
            </button>
          </div>
          {error && (
            <p className="field-error" id={ids.error}>
              {error}
            </p>
          )}
        </div>
      </form>
      {lookup.kind === 'loading' && <p className="hint">{t('trackerLoading')}</p>}
      {lookup.kind === 'found' && <TrackedRequest request={lookup.request} />}
    </div>
  );
}

function TrackedRequest({ request }: { request: ServiceRequest }) {
  const t = useFeatureT(nearbyStrings);
  const openTracker = useAppStore((s) => s.openTracker);
  const lang = useLang();
  const stage = stageOf(request);
  const info = STAGE_INFO[stage];
  const notes = [...(request.notes ?? [])].sort((a, b) => a.datetime.localeCompare(b.datetime));
  return (
    <section className="tracked" aria-label={`${t('trackerLabel')} ${request.service_request_id}`}>
      <p className="tracked-id">
        {t('trackerLabel')}: <strong>{request.service_request_id}</strong>
      </p>
      <div className={`stage stage--${info.status}`}>
        <p className="stage-caption">{t('trackerStage')}</p>
        <p className="stage-label" data-testid="tracker-stage" data-stage={stage}>
          {info.label[lang]}
        </p>
        <p className="stage-explain">{info.explain[lang]}</p>
      </div>
      {request.merged_into && (
        <p className="tracked-merged" data-testid="tracker-merged">
          {t('trackerMerged', { id: request.merged_into })}{' '}
          <button type="button" className="link-button" onClick={() => openTracker(request.merged_into!)}>
            {t('trackerMergedOpen', { id: request.merged_into })}
          </button>
        </p>
      )}
      <dl className="tracked-facts">
        <div>
          <dt>{t('trackerService')}</dt>
          <dd>{request.service_name}</dd>
        </div>
        <div>
          <dt>{t('trackerAgency')}</dt>
          <dd>{request.agency_responsible}</dd>
        </div>
        {request.people_affected !== undefined && (
          <div>
            <dt>{t('trackerAffected')}</dt>
            <dd data-testid="tracker-affected">{t('nearbyAffected', { count: request.people_affected })}</dd>
          </div>
        )}
        <div>
          <dt>{t('trackerFiled')}</dt>
          <dd>
            <time dateTime={request.requested_datetime}>{formatCityDate(request.requested_datetime, lang)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('trackerExpected')}</dt>
          <dd>
            {request.expected_datetime ? (
              <time dateTime={request.expected_datetime}>{formatCityDate(request.expected_datetime, lang)}</time>
            ) : (
              t('trackerNoExpected')
            )}
          </dd>
        </div>
      </dl>
      <h3>{t('trackerHistory')}</h3>
      {notes.length === 0 ? (
        <p className="hint">{t('trackerNoNotes')}</p>
      ) : (
        <ol className="history">
          {notes.map((note, i) => (
            <li key={`${note.datetime}-${i}`}>
              <time dateTime={note.datetime}>{formatCityDate(note.datetime, lang)}</time>
              {note.stage && <span className="history-stage">{STAGE_INFO[note.stage].label[lang]}</span>}
              <p>{note.description}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * While a ticket is shown, the address bar holds its own address (`/lacak/MKS-…`) to share or
 * bookmark; closing the tracker gives the page its plain address back. Not on a kiosk, whose
 * next visitor must not inherit it.
 */
function useTicketAddress(ticket: string | null): void {
  const kiosk = useKiosk((s) => s.active);
  useEffect(() => {
    if (!ticket || kiosk) return;
    history.replaceState(history.state, '', `${TRACK_PATH}${encodeURIComponent(ticket)}`);
    return () => {
      if (location.pathname.startsWith(TRACK_PATH)) history.replaceState(history.state, '', '/');
    };
  }, [ticket, kiosk]);
}
