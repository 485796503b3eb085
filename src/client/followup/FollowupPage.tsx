import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { FollowupView, TimelineEntry } from '../../shared/caseLoop';
import { fillVars, useLang } from '../i18n/useT';
import { followupApi, FollowupError, secretFromLocation } from './followupApi';
import { followupStrings, type FollowupKey } from './followupStrings';
import './followup.css';
import { PhotoFields } from '../forms/PhotoFields';
import { FollowupPhotos } from './FollowupPhotos';

type Load = { kind: 'loading' } | { kind: 'invalid' } | { kind: 'error'; detail: string } | { kind: 'ready'; view: FollowupView };

function useFollowupT() {
  const lang = useLang();
  return useCallback((key: FollowupKey, vars?: Record<string, string | number>) => fillVars(followupStrings[key][lang], vars), [lang]);
}

function when(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Makassar' });
}

/**
 * The citizen's private follow-up page (/ikuti#secret): the conversation with the officer,
 * a reply box, "Sudah beres" / "Belum beres" once resolved, and a 1–5 rating after "Sudah beres".
 * No account: the link is the key.
 */
export function FollowupPage() {
  const t = useFollowupT();
  const lang = useLang();
  const [secret] = useState(secretFromLocation);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [status, setStatus] = useState('');

  const apply = useCallback((view: FollowupView) => setLoad({ kind: 'ready', view }), []);
  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof FollowupError && error.status === 404) setLoad({ kind: 'invalid' });
      else setStatus(t('failed', { detail: error instanceof Error ? error.message : String(error) }));
    },
    [t],
  );

  useEffect(() => {
    if (!secret) {
      setLoad({ kind: 'invalid' });
      return;
    }
    followupApi.view(secret, lang).then(apply, (e: unknown) => (e instanceof FollowupError && e.status === 404 ? setLoad({ kind: 'invalid' }) : setLoad({ kind: 'error', detail: String(e) })));
  }, [secret, lang, apply]);

  if (load.kind === 'loading') return <main id="main" tabIndex={-1} className="followup" aria-busy="true"><p>{t('loading')}</p></main>;
  if (load.kind === 'invalid' || !secret) {
    return (
      <main id="main" tabIndex={-1} className="followup">
        <p role="alert">{t('notValid')}</p>
      </main>
    );
  }
  if (load.kind === 'error') {
    return (
      <main id="main" tabIndex={-1} className="followup">
        <p role="alert">{t('failed', { detail: load.detail })}</p>
      </main>
    );
  }
  const { view } = load;
  const act = (run: Promise<FollowupView>, done: string) =>
    run.then(
      (next) => {
        apply(next);
        setStatus(done);
      },
      (e: unknown) => fail(e),
    );

  return (
    <main id="main" tabIndex={-1} className="followup" aria-labelledby="followup-title">
      <h1 id="followup-title">{t('title', { id: view.service_request_id })}</h1>
      <p className="followup-private">{t('privateNote')}</p>
      <dl className="followup-facts">
        <div>
          <dt>{t('stage')}</dt>
          <dd>
            {view.stage_label}
            {view.reopened && <span className="followup-badge"> · {t('reopened')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('agency')}</dt>
          <dd>
            {view.agency} — {view.service_name}
          </dd>
        </div>
        {view.expected_datetime && (
          <div>
            <dt>{t('due')}</dt>
            <dd>{when(view.expected_datetime, lang)}</dd>
          </div>
        )}
      </dl>
      {view.mail !== 'none' && <p className="hint">{view.mail === 'on' ? t('mailOn') : t('mailOff')}</p>}

      {(view.photos?.length ?? 0) > 0 && <FollowupPhotos t={t} secret={secret} photos={view.photos!} />}

      <section aria-labelledby="followup-conversation">
        <h2 id="followup-conversation">{t('conversation')}</h2>
        {view.entries.length === 0 ? <p>{t('empty')}</p> : <Conversation entries={view.entries} lang={lang} system={t('system')} />}
      </section>

      <p role="status" aria-live="polite" className="followup-status">
        {status}
      </p>

      {view.can_answer && (
        <AnswerForm
          t={t}
          onAnswer={(fixed, text) => act(followupApi.answer(secret, lang, fixed, text), fixed ? '' : t('answeredReopened'))}
        />
      )}
      {view.can_rate && <RatingForm t={t} onRate={(rating, comment) => act(followupApi.rate(secret, lang, rating, comment), t('rated', { n: rating }))} />}
      {!view.can_rate && view.rating !== null && !status && <p className="followup-rated">{t('rated', { n: view.rating })}</p>}
      {view.can_reply ? <ReplyForm t={t} onSend={(text, photos) => act(followupApi.reply(secret, lang, text, photos), t('sent'))} /> : !view.can_answer && !view.can_rate && <p>{t('closedNote')}</p>}
    </main>
  );
}

function Conversation({ entries, lang, system }: { entries: TimelineEntry[]; lang: string; system: string }) {
  return (
    <ol className="followup-entries">
      {entries.map((e) => (
        <li key={e.id} className={`followup-entry followup-entry--${e.who === null ? 'system' : e.kind === 'citizen' || e.kind === 'reopen' || e.kind === 'fixed' || e.kind === 'rating' ? 'citizen' : 'officer'}`}>
          <p className="followup-meta">
            <strong>{e.who ?? system}</strong> · <time dateTime={e.datetime}>{when(e.datetime, lang)}</time>
          </p>
          {e.text && <p className="followup-text">{e.text}</p>}
          {e.rating !== undefined && <p className="followup-text">{'★'.repeat(e.rating)}{'☆'.repeat(5 - e.rating)}</p>}
        </li>
      ))}
    </ol>
  );
}

type T = ReturnType<typeof useFollowupT>;

function ReplyForm({ t, onSend }: { t: T; onSend: (text: string, photos: Blob[]) => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    void onSend(text.trim(), photos).then(() => {
      setText('');
      setPhotos([]);
      setBusy(false);
    });
  };
  return (
    <form className="followup-form" onSubmit={submit}>
      <label htmlFor={`${id}-reply`}>{t('replyLabel')}</label>
      <textarea id={`${id}-reply`} aria-describedby={`${id}-hint`} maxLength={2000} rows={4} value={text} onChange={(e) => setText(e.target.value)} required />
      <p className="hint" id={`${id}-hint`}>
        {t('replyHint')}
      </p>
      <PhotoFields value={photos} onChange={setPhotos} />
      <button type="submit" className="primary-button" disabled={busy}>
        {t('send')}
      </button>
    </form>
  );
}

function AnswerForm({ t, onAnswer }: { t: T; onAnswer: (fixed: boolean, text?: string) => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <section className="followup-form" aria-labelledby={`${id}-ask`}>
      <h2 id={`${id}-ask`}>{t('askFixed')}</h2>
      <label htmlFor={`${id}-words`}>{t('answerWords')}</label>
      <textarea id={`${id}-words`} maxLength={2000} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="followup-buttons">
        <button type="button" className="primary-button" onClick={() => void onAnswer(true, text.trim() || undefined)}>
          {t('fixed')}
        </button>
        <button type="button" className="secondary-button" onClick={() => void onAnswer(false, text.trim() || undefined)}>
          {t('notFixed')}
        </button>
      </div>
    </section>
  );
}

function RatingForm({ t, onRate }: { t: T; onRate: (rating: number, comment?: string) => Promise<void> }) {
  const id = useId();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating < 1) {
      setError(t('chooseRating'));
      return;
    }
    void onRate(rating, comment.trim() || undefined);
  };
  return (
    <form className="followup-form" onSubmit={submit} noValidate>
      <fieldset className="followup-stars" aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{t('rateLegend')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="followup-star">
            <input type="radio" name={`${id}-rating`} value={n} checked={rating === n} onChange={() => setRating(n)} />
            <span aria-hidden="true">{'★'.repeat(n)}</span>
            <span className="sr-only">{t('star', { n })}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <label htmlFor={`${id}-comment`}>{t('rateComment')}</label>
      <textarea id={`${id}-comment`} maxLength={2000} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      <button type="submit" className="primary-button">
        {t('rateSend')}
      </button>
    </form>
  );
}
