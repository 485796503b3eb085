import type { Attribute } from '../../shared/catalog';
import { useLang, useT } from '../i18n';
import { describedBy, Field, RequiredMark } from '../components/Field';

interface AttributeFieldProps {
  attribute: Attribute;
  /** The control's id; the first radio or checkbox of a group carries it. */
  id: string;
  value: string | string[] | undefined;
  error?: string;
  onChange: (value: string | string[]) => void;
}

/** Lists this short are radio buttons (one tap each); longer ones become a select. */
const MAX_RADIOS = 5;

/** One Open311 attribute as a form control, by its datatype. */
export function AttributeField({ attribute: a, id, value, error, onChange }: AttributeFieldProps) {
  const t = useT();
  const lang = useLang();
  const label = a.description[lang];
  const hint = a.datatype_description?.[lang];

  if (!a.variable) {
    return <p className="attribute-info">{label}</p>;
  }

  if (a.datatype === 'multivaluelist' || (a.datatype === 'singlevaluelist' && (a.values?.length ?? 0) <= MAX_RADIOS)) {
    const multi = a.datatype === 'multivaluelist';
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    const hintId = hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    return (
      <fieldset
        className={`field choice-group${error ? ' field--invalid' : ''}`}
        aria-describedby={describedBy(errorId, hintId)}
        aria-required={(!multi && a.required) || undefined}
        role={multi ? undefined : 'radiogroup'}
      >
        <legend>
          {label}
          {a.required ? <RequiredMark /> : <span className="optional"> ({t('optional')})</span>}
        </legend>
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
        {a.values?.map((v, i) => {
          const checked = selected.includes(v.key);
          return (
            <label key={v.key} className="choice-option">
              <input
                id={i === 0 ? id : `${id}-${i}`}
                type={multi ? 'checkbox' : 'radio'}
                name={id}
                value={v.key}
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={() =>
                  onChange(multi ? (checked ? selected.filter((k) => k !== v.key) : [...selected, v.key]) : v.key)
                }
              />
              <span>{v.name[lang]}</span>
            </label>
          );
        })}
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
      </fieldset>
    );
  }

  const text = typeof value === 'string' ? value : '';
  return (
    <Field id={id} label={label} required={a.required} hint={hint} error={error}>
      {(control) => {
        switch (a.datatype) {
          case 'singlevaluelist':
            return (
              <select {...control} value={text} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('selectPlaceholder')}</option>
                {a.values?.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.name[lang]}
                  </option>
                ))}
              </select>
            );
          case 'text':
            return <textarea {...control} rows={3} maxLength={4000} value={text} onChange={(e) => onChange(e.target.value)} />;
          case 'datetime':
            return <input {...control} type="datetime-local" value={text} onChange={(e) => onChange(e.target.value)} />;
          case 'number':
            return <input {...control} type="text" inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} />;
          default:
            return (
              <input
                {...control}
                type={a.format === 'phone' ? 'tel' : 'text'}
                inputMode={a.format === 'nik' || a.format === 'kk' ? 'numeric' : undefined}
                autoComplete={a.format ? 'off' : undefined}
                maxLength={200}
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
        }
      }}
    </Field>
  );
}
