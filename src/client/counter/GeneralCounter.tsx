import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AgencySummary, ServiceSummary } from '../../shared/catalog';
import { catalog } from '../catalog';
import { interactionFor, loadLocalRouter, proposeServices, type Proposal, type Suggestion } from '../api';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { StepHeading } from '../components/StepHeading';

function firstComplaint(agency: AgencySummary) {
  return agency.services.find((s) => s.kind === 'complaint') ?? agency.services[0];
}

/**
 * "No wrong door": the citizen writes the complaint in their own words, the counter
 * proposes the responsible agency, and the citizen confirms or picks another.
 */
export function GeneralCounter({ agency }: { agency: AgencySummary }) {
  const t = useT();
  const lang = useLang();
  const routeComplaint = useAppStore((s) => s.routeComplaint);
  const back = useAppStore((s) => s.back);
  const prefill = useAppStore((s) => s.prefill);
  const ids = { text: useId(), error: useId(), other: useId() };
  const [text, setText] = useState(prefill);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const suggestions = proposal?.suggestions ?? null;
  const [empty, setEmpty] = useState(false);
  const agencies = useMemo(() => catalog.agencies.filter((a) => !a.general), []);
  const [other, setOther] = useState('');

  // The matcher comes to the device now, so that it answers if the network goes.
  useEffect(() => {
    void loadLocalRouter(catalog).catch(() => undefined);
  }, []);

  const onSuggest = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      setProposal(null);
      document.getElementById(ids.text)?.focus();
      return;
    }
    setEmpty(false);
    setBusy(true);
    const ask = ++asked.current;
    try {
      const answer = await proposeServices(catalog, text, lang);
      if (ask === asked.current) setProposal(answer);
    } finally {
      if (ask === asked.current) setBusy(false);
    }
  };

  const open = (agencyCode: string, service: ServiceSummary) => routeComplaint(agencyCode, service.code, text.trim(), interactionFor(service.kind));

  const goTo = (code: string) => {
    const target = catalog.agencies.find((a) => a.code === code);
    if (!target) return;
    // The service the words pointed to, or the agency's first complaint service.
    open(target.code, suggestions?.find((s) => s.agency.code === code)?.service ?? firstComplaint(target));
  };

  const best: Suggestion | undefined = proposal && !proposal.unsure ? proposal.suggestions[0] : undefined;
  // Other services the words may belong to (never the general desk, which has its own button).
  const others = (proposal?.suggestions ?? []).filter((s) => s !== best && !s.agency.general).slice(0, 2);
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
              setProposal(null);
            }}
          />
          {empty && (
            <p className="field-error" id={ids.error}>
              {t('generalEmpty')}
            </p>
          )}
        </div>
        <button type="submit" className="primary-button" aria-busy={busy || undefined} disabled={busy}>
          {busy ? t('generalSearching') : t('generalSuggest')}
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
              <p className="hint" data-service={best.service.code}>
                {best.service.name[lang]}
                {best.matched.length > 0 && <> · {t('generalMatched', { words: best.matched.join(', ') })}</>}
              </p>
              <button type="button" className="primary-button" data-confirm={best.agency.code} onClick={() => open(best.agency.code, best.service)}>
                {t('generalConfirm', { agency: best.agency.short_name[lang] })}
              </button>
            </>
          ) : (
            <>
              <p>{t('generalNoMatch')}</p>
              <button type="button" className="primary-button" onClick={() => open(agency.code, firstComplaint(agency))}>
                {t('generalAsGeneral')}
              </button>
            </>
          )}
          {others.length > 0 && (
            <div className="suggestion-others">
              <p className="hint">{t('generalAlternatives')}</p>
              <ul>
                {others.map((s) => (
                  <li key={s.service.code}>
                    <button type="button" className="secondary-button" data-alternative={s.service.code} onClick={() => open(s.agency.code, s.service)}>
                      {s.service.name[lang]} · {s.agency.short_name[lang]}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
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
