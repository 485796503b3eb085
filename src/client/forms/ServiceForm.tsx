import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Agency, Service } from '../../shared/catalog';
import { describeFieldError, validateSubmission, type SubmissionInput } from '../../shared/submission';
import { describeApiError } from '../api';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { AttributeField } from './AttributeField';
import { ConsentField } from './ConsentField';
import { ContactFields, type ContactValue } from './ContactFields';
import { Field } from '../components/Field';
import { localInputToCityIso } from '../i18n/format';
import { LocationFields, type LocationValue } from './LocationFields';
import { fileReport } from './reports';
import { StepHeading } from '../components/StepHeading';

type AttributeValues = Record<string, string | string[]>;

interface ServiceFormProps {
  agency: Agency;
  service: Service;
  /** Text carried over from the general counter. */
  prefill: string;
  /**
   * Files the report somewhere else than the public outbox (staff filing on a citizen's
   * behalf); a rejection's message is shown as it is. Default: the outbox.
   */
  submit?: (input: SubmissionInput) => Promise<void>;
  /** What Back does; default the counter flow's back step. */
  onBack?: () => void;
}

/** Personal data in this form, which needs the citizen's consent (UU PDP). */
function hasPersonalData(service: Service, contact: ContactValue, attributes: AttributeValues): boolean {
  if (Object.values(contact).some((v) => v.trim())) return true;
  return service.attributes.some((a) => a.format && typeof attributes[a.code] === 'string' && (attributes[a.code] as string).trim());
}

/**
 * A service's form, generated from its Open311 definition and checked with the same
 * validation the server runs; errors are said next to each field in the chosen language.
 */
export function ServiceForm({ agency, service, prefill, submit, onBack }: ServiceFormProps) {
  const t = useT();
  const lang = useLang();
  const flowBack = useAppStore((s) => s.back);
  const back = onBack ?? flowBack;
  const announce = useAppStore((s) => s.announce);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);

  const [description, setDescription] = useState(prefill);
  const [attributes, setAttributes] = useState<AttributeValues>({});
  const [location, setLocation] = useState<LocationValue>({ address_string: '', lat: '', long: '' });
  const [contact, setContact] = useState<ContactValue>({ first_name: '', last_name: '', phone: '', email: '' });
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const personal = hasPersonalData(service, contact, attributes);
  const attrId = (code: string) => `${uid}-attr-${code}`;

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const buildInput = (): SubmissionInput => {
    const attrs: SubmissionInput['attributes'] = {};
    for (const a of service.attributes) {
      const v = attributes[a.code];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      attrs[a.code] = a.datatype === 'datetime' && typeof v === 'string' ? localInputToCityIso(v) : v;
    }
    return {
      service_code: service.code,
      description,
      address_string: service.location === 'none' ? undefined : location.address_string,
      lat: service.location === 'none' ? undefined : location.lat.trim() || undefined,
      long: service.location === 'none' ? undefined : location.long.trim() || undefined,
      ...contact,
      attributes: attrs,
    };
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setSubmitError(null);
    const input = buildInput();
    const result = validateSubmission(service, input);
    const next: Record<string, string> = {};
    if (!result.ok) for (const err of result.errors) next[err.field] ??= describeFieldError(err, lang);
    if (personal && !consent) next.consent = t('consentNeeded');
    const count = Object.keys(next).length;
    setErrors(next);
    if (count > 0) {
      focusFirstError.current = true;
      announce(t('formHasErrors', { count }));
      return;
    }
    setSubmitting(true);
    announce(t('submitting'));
    try {
      if (submit) {
        await submit(input);
        setSubmitting(false);
      } else await fileReport(input, agency.code);
    } catch (error) {
      const message = submit ? (error instanceof Error ? error.message : String(error)) : describeApiError(error, lang);
      setSubmitError(message);
      announce(`${t('submitFailed')} ${message}`);
      setSubmitting(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form ref={formRef} className="service-form step" onSubmit={onSubmit} noValidate aria-busy={submitting || undefined} data-service={service.code}>
      <StepHeading>{service.name[lang]}</StepHeading>
      <p className="hint">{service.description[lang]}</p>
      <p className="hint">{t('requiredNote')}</p>
      {errorCount > 0 && (
        <p className="form-error" role="alert">
          {t('formHasErrors', { count: errorCount })}
        </p>
      )}

      <Field id={`${uid}-description`} label={t('description')} hint={t('descriptionHint')} error={errors.description}>
        {(control) => <textarea {...control} rows={4} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>

      {service.attributes.length > 0 && (
        <fieldset className="form-section">
          <legend>{t('detailsLegend')}</legend>
          {service.attributes.map((a) => (
            <AttributeField
              key={a.code}
              attribute={a}
              id={attrId(a.code)}
              value={attributes[a.code]}
              error={errors[`attribute[${a.code}]`]}
              onChange={(value) => setAttributes((prev) => ({ ...prev, [a.code]: value }))}
            />
          ))}
        </fieldset>
      )}

      {service.location !== 'none' && (
        <LocationFields
          idPrefix={uid}
          required={service.location === 'required'}
          value={location}
          errors={{ location: errors.location, lat: errors.lat, long: errors.long }}
          onChange={setLocation}
        />
      )}

      <ContactFields
        idPrefix={uid}
        required={!service.anonymous_allowed}
        value={contact}
        errors={{ contact: errors.contact, first_name: errors.first_name, last_name: errors.last_name, phone: errors.phone, email: errors.email }}
        onChange={setContact}
      />

      <ConsentField id={`${uid}-consent`} required={personal} checked={consent} error={errors.consent} onChange={setConsent} />

      {submitError && (
        <p className="form-error" role="alert">
          {t('submitFailed')} {submitError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={submitting}>
          {submitting ? t('submitting') : t('submit')}
        </button>
        <button type="button" className="secondary-button" onClick={back}>
          {t('back')}
        </button>
      </div>
      {submitting && <progress className="submit-progress" aria-label={t('submitting')} />}
    </form>
  );
}
