import { useT } from '../i18n';
import { describedBy, RequiredMark } from '../components/Field';

interface ConsentFieldProps {
  id: string;
  /** True once any personal data (name, phone, email, NIK) has been entered. */
  required: boolean;
  checked: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
}

/** What personal data is collected, why, how it is kept (UU PDP No. 27/2022), and the consent box. */
export function ConsentField({ id, required, checked, error, onChange }: ConsentFieldProps) {
  const t = useT();
  const textId = `${id}-text`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`form-section consent${error ? ' field--invalid' : ''}`}>
      <legend>{t('consentLegend')}</legend>
      <p className="consent-text" id={textId}>
        {t('consentText')}
      </p>
      {!required && <p className="hint">{t('consentNone')}</p>}
      <label className="choice-option consent-check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(errorId, textId)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>
          {t('consentCheck')}
          {required && <RequiredMark />}
        </span>
      </label>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
