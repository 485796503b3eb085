import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLang, useT } from '../i18n';
import { counterDirectory } from './counterDirectory';
import { intentOf, prepareIndex, prepareProposals, proposeCounters, type Proposal } from './proposeCounters';
import type { Intent } from '../state';

interface FirstStepProps {
  /** What confirming does: '3d' walks the avatar there, 'form' opens the form at once. */
  go: '3d' | 'form';
  /** The citizen confirmed a counter for their words. */
  onIntent(intent: Intent): void;
  /** Extra class for placing it; default none. */
  className?: string;
  /** Called as the citizen types (the take-me-to menu filters its list); default none. */
  onTextChange?(text: string): void;
}

/**
 * "Apa yang ingin Anda laporkan atau urus?": the citizen writes in their own words, the
 * routing proposes a counter and service, one tap confirms it.
 */
export function FirstStep({ go, onIntent, className, onTextChange }: FirstStepProps) {
  const t = useT();
  const lang = useLang();
  const ids = { text: useId(), hint: useId(), error: useId(), result: useId() };
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [result, setResult] = useState<{ proposals: Proposal[]; unsure: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(prepareProposals, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      setResult(null);
      document.getElementById(ids.text)?.focus();
      return;
    }
    setEmpty(false);
    setBusy(true);
    try {
      setResult(await proposeCounters(text, lang));
    } finally {
      setBusy(false);
    }
  };

  const loket = (code: string) => counterDirectory().find((d) => d.code === code)?.loket ?? null;
  const label = (p: Proposal) => {
    const n = loket(p.agency.code);
    return `${n === null ? '' : `${t('firstStepLoket', { n })} · `}${p.agency.name[lang]}`;
  };
  const best = result?.proposals[0];
  return (
    <div className={`first-step${className ? ` ${className}` : ''}`}>
      <form onSubmit={onSubmit} noValidate className="first-step-form">
        <label htmlFor={ids.text} className="first-step-question">
          {t('firstStepQuestion')}
        </label>
        <p className="hint" id={ids.hint}>
          {t('firstStepHint')}
        </p>
        <div className="first-step-row">
          <textarea
            id={ids.text}
            rows={2}
            value={text}
            maxLength={4000}
            data-testid="first-step-text"
            onFocus={prepareIndex}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? `${ids.hint} ${ids.error}` : ids.hint}
            onChange={(e) => {
              setText(e.target.value);
              setResult(null);
              onTextChange?.(e.target.value);
            }}
          />
          <button type="submit" className="primary-button" data-action="first-step-find" aria-busy={busy || undefined}>
            {t('firstStepFind')}
          </button>
        </div>
        {empty && (
          <p className="field-error" id={ids.error}>
            {t('firstStepEmpty')}
          </p>
        )}
      </form>
      <div role="status" aria-live="polite" id={ids.result}>
        {best && result && (
          <div className="first-step-proposal" data-testid="first-step-proposal" data-agency={best.agency.code} data-service={best.service.code}>
            <p className="first-step-lead">{result.unsure ? t('firstStepUnsure') : t('firstStepProposal')}</p>
            <p className="first-step-counter" style={{ borderColor: best.agency.color }}>
              <strong>{label(best)}</strong>
              <span>{best.service.name[lang]}</span>
            </p>
            <button type="button" className="primary-button primary-button--big" data-action="first-step-go" onClick={() => onIntent(intentOf(best, text))}>
              {t(go === '3d' ? 'firstStepGo3d' : 'firstStepGo')}
            </button>
            {result.proposals.length > 1 && (
              <>
                <p className="first-step-lead">{t('firstStepOthers')}</p>
                <ul className="first-step-others">
                  {result.proposals.slice(1).map((p) => (
                    <li key={p.service.code}>
                      <button type="button" className="secondary-button" data-first-step-other={p.agency.code} onClick={() => onIntent(intentOf(p, text))}>
                        {label(p)} — {p.service.name[lang]}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
