import { useState } from 'react';
import type { Attribute } from '../../shared/catalog';
import { useLang, useFeatureT } from '../i18n';
import { formStrings } from '../i18n/formStrings';
import { describedBy, RequiredMark } from '../components/Field';
import { SINCE_CHOICES, sinceValue, type SinceChoice } from './sinceChoices';

interface SinceFieldProps {
  attribute: Attribute;
  id: string;
  value: string | undefined;
  error?: string;
  onChange: (value: string) => void;
}

/**
 * "Sejak kapan?" for a past event: a few answers (one tap, one Tab stop) instead of a
 * date-and-time field; "Lebih lama" opens a date field.
 */
export function SinceField({ attribute: a, id, value, error, onChange }: SinceFieldProps) {
  const t = useFeatureT(formStrings);
  const lang = useLang();
  const [choice, setChoice] = useState<SinceChoice | null>(value ? 'now' : null);
  const hint = a.datatype_description?.[lang];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const pick = (c: SinceChoice) => {
    setChoice(c);
    onChange(c === 'date' ? '' : sinceValue(c));
  };
  return (
    <fieldset className={`field choice-group since-field${error ? ' field--invalid' : ''}`} role="radiogroup" aria-required={a.required || undefined} aria-describedby={describedBy(errorId, hintId)}>
      <legend>
        {a.description[lang]}
        {a.required ? <RequiredMark /> : <span className="optional"> ({t('optional')})</span>}
      </legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {SINCE_CHOICES.map((c, i) => (
        <label key={c} className="choice-option">
          <input id={i === 0 ? id : `${id}-${c}`} type="radio" name={id} value={c} checked={choice === c} onChange={() => pick(c)} />
          <span>{t(`since_${c}`)}</span>
        </label>
      ))}
      {choice === 'date' && (
        <div className="field since-date">
          <label htmlFor={`${id}-day`}>{t('sinceDateLabel')}</label>
          <input id={`${id}-day`} type="date" value={value ?? ''} max={sinceValue('now').slice(0, 10)} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
