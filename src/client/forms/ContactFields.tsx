import { useFeatureT } from '../i18n';
import { formStrings } from '../i18n/formStrings';
import { Field, RequiredMark } from '../components/Field';

export interface ContactValue {
  first_name: string;
  last_name: string;
  phone: string;
  email: string;
}

interface ContactFieldsProps {
  idPrefix: string;
  /** False when the service may be filed anonymously. */
  required: boolean;
  value: ContactValue;
  errors: { contact?: string; first_name?: string; last_name?: string; phone?: string; email?: string };
  onChange: (value: ContactValue) => void;
  /** "Ingat di perangkat ini": offered on the citizen's own device only; default not offered. */
  remember?: { checked: boolean; onChange: (checked: boolean) => void };
}

/** Name and a way to reach the citizen: optional for anonymous complaints. */
export function ContactFields({ idPrefix, required, value, errors, onChange, remember }: ContactFieldsProps) {
  const t = useFeatureT(formStrings);
  const noteId = `${idPrefix}-contact-note`;
  const set = (key: keyof ContactValue) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset className="form-section" aria-describedby={noteId}>
      <legend>
        {t('contactLegend')}
        {required ? <RequiredMark /> : <span className="optional"> ({t('optional')})</span>}
      </legend>
      <p className="hint" id={noteId}>
        {t(required ? 'contactRequired' : 'contactOptional')}
      </p>
      <div className="field-row">
        <Field inGroup={required} id={`${idPrefix}-first_name`} label={t('firstName')} error={errors.first_name ?? errors.contact}>
          {(control) => (
            <input {...control} aria-required={required || undefined} type="text" autoComplete="given-name" maxLength={100} value={value.first_name} onChange={set('first_name')} />
          )}
        </Field>
        <Field inGroup={required} id={`${idPrefix}-last_name`} label={t('lastName')} error={errors.last_name}>
          {(control) => <input {...control} type="text" autoComplete="family-name" maxLength={100} value={value.last_name} onChange={set('last_name')} />}
        </Field>
      </div>
      <div className="field-row">
        <Field inGroup={required} id={`${idPrefix}-phone`} label={t('phone')} error={errors.phone}>
          {(control) => <input {...control} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} value={value.phone} onChange={set('phone')} />}
        </Field>
        <Field inGroup={required} id={`${idPrefix}-email`} label={t('email')} error={errors.email}>
          {(control) => <input {...control} type="email" autoComplete="email" maxLength={254} value={value.email} onChange={set('email')} />}
        </Field>
      </div>
      {remember && (
        <label className="choice-option remember-contact">
          <input type="checkbox" checked={remember.checked} onChange={(e) => remember.onChange(e.target.checked)} data-field="remember-contact" />
          <span>{t('rememberContact')}</span>
        </label>
      )}
    </fieldset>
  );
}
