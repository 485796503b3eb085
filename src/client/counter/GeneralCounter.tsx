import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Agency } from '../../shared/catalog';
import { catalog } from '../catalog';
import { suggestAgencies, type Suggestion } from '../api';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { StepHeading } from '../components/StepHeading';

function firstComplaint(agency: Agency) {
  return agency.services.find((s) => s.kind === 'complaint') ?? agency.services[0];
}

/**
 * "No wrong door": the citizen writes the complaint in their own words, the counter
 * proposes the responsible agency, and the citizen confirms or picks another.
 */
export function GeneralCounter({ agency }: { agency: Agency }) {
  const t = useT();
  const lang = useLang();
  const routeComplaint = useAppStore((s) => s.routeComplaint);
  const back = useAppStore((s) => s.back);
  const prefill = useAppStore((s) => s.prefill);
  const ids = { text: useId(), error: useId(), other: useId() };
  const [text, setText] = useState(prefill);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [empty, setEmpty] = useState(false);
  const agencies = useMemo(() => catalog.agencies.filter((a) => !a.general), []);
  const [other, setOther] = useState('');

  const onSuggest = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      setSuggestions(null);
      document.getElementById(ids.text)?.focus();
      return;
    }
    setEmpty(false);
    setSuggestions(suggestAgencies(catalog, text));
  };

  const goTo = (code: string) => {
    const target = catalog.agencies.find((a) => a.code === code);
    if (!target) return;
    // The complaint type the words pointed to, or the agency's first complaint service.
    const service = suggestions?.find((s) => s.agency.code === code)?.service ?? firstComplaint(target);
    routeComplaint(target.code, service.code, text.trim());
  };

  const best = suggestions?.[0];
  return (
    <div className="step">
      <StepHeading>{t('generalTitle')}</StepHeading>
      <p className="hint">{t('generalLead')}</p>
      <form onSubmit={onSuggest} noValidate className="general-form">
        <div className="field">
          <label htmlFor={ids.text}>{t('generalText')}</label>
          <textarea
            id={ids.text}
            rows={4}
            value={text}
            maxLength={4000}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? ids.error : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setSuggestions(null);
            }}
          />
          {empty && (
            <p className="field-error" id={ids.error}>
              {t('generalEmpty')}
            </p>
          )}
        </div>
        <button type="submit" className="primary-button">
          {t('generalSuggest')}
        </button>
      </form>

      {suggestions && (
        <div className="suggestion" aria-live="polite">
          {best ? (
            <>
              <p className="suggestion-lead">{t('generalSuggestion')}</p>
              <p className="suggestion-agency" data-suggested={best.agency.code}>
                <span className="swatch" style={{ background: best.agency.color }} aria-hidden="true" />
                {best.agency.name[lang]}
              </p>
              <p className="hint">
                {best.service.name[lang]} · {t('generalMatched', { words: best.matched.join(', ') })}
              </p>
              <button type="button" className="primary-button" data-confirm={best.agency.code} onClick={() => goTo(best.agency.code)}>
                {t('generalConfirm', { agency: best.agency.short_name[lang] })}
              </button>
            </>
          ) : (
            <>
              <p>{t('generalNoMatch')}</p>
              <button type="button" className="primary-button" onClick={() => routeComplaint(agency.code, firstComplaint(agency).code, text.trim())}>
                {t('generalAsGeneral')}
              </button>
            </>
          )}
          <form
            className="general-other"
            onSubmit={(e) => {
              e.preventDefault();
              if (other) goTo(other);
            }}
          >
            <div className="field">
              <label htmlFor={ids.other}>{t('generalOther')}</label>
              <select id={ids.other} value={other} onChange={(e) => setOther(e.target.value)}>
                <option value="">{t('selectPlaceholder')}</option>
                {agencies.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name[lang]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary-button" disabled={!other}>
              {t('generalContinue')}
            </button>
          </form>
        </div>
      )}
      <button type="button" className="secondary-button" onClick={back}>
        {t('back')}
      </button>
    </div>
  );
}
