import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AgencySummary, Service, ServiceSummary } from '../../shared/catalog';
import { fullService } from '../serviceDefinitions';
import { describeFieldError, validateSubmission, type SubmissionInput } from '../../shared/submission';
import { describeApiError } from '../api';
import { useLang, useFeatureT } from '../i18n';
import { formStrings } from '../i18n/formStrings';
import { nearbyStrings } from '../i18n/nearbyStrings';
import { useAppStore } from '../state';
import { AttributeField } from './AttributeField';
import { ConsentField } from './ConsentField';
import { ContactFields, type ContactValue } from './ContactFields';
import { Field } from '../components/Field';
import { localInputToCityIso } from '../i18n/format';
import { LocationFields, type LocationValue } from './LocationFields';
import { PhotoFields } from './PhotoFields';
import { NearbyReports } from './NearbyReports';
import { FollowedResult } from './FollowedResult';
import type { FollowAnswer } from '../../shared/nearby';
import { places } from './places';
import { addressWithPlace } from '../../shared/places';
import { fileReport } from './reports';
import { StepHeading } from '../components/StepHeading';
import { sinceValue } from './sinceChoices';
import { EMPTY_CONTACT, loadContact, rememberContact } from './rememberedContact';
import { useKiosk } from '../kiosk/kioskStore';

type AttributeValues = Record<string, string | string[]>;

interface ServiceFormProps {
  agency: AgencySummary;
  /** The catalog's entry; the form comes from its full definition (serviceDefinitions.ts). */
  service: ServiceSummary;
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

/** The form's own strings and those of the nearby reports it shows (both in this lazy chunk). */
const SERVICE_FORM_STRINGS = { ...formStrings, ...nearbyStrings };

/** Personal data in this form, which needs the citizen's consent (UU PDP). */
function hasPersonalData(service: Service, contact: ContactValue, attributes: AttributeValues): boolean {
  if (Object.values(contact).some((v) => v.trim())) return true;
  return service.attributes.some((a) => a.format && typeof attributes[a.code] === 'string' && (attributes[a.code] as string).trim());
}

/** Required "since when" answers start at now; the citizen's words fill `wordsTarget`. */
function initialAttributes(service: Service, wordsTarget: string | null, prefill: string): AttributeValues {
  const values: AttributeValues = {};
  for (const a of service.attributes) {
    if (a.required && a.datatype === 'datetime' && (a.when ?? 'past') === 'past') values[a.code] = sinceValue('now');
  }
  if (wordsTarget && prefill) values[wordsTarget] = prefill;
  return values;
}

/** Open311 address fields of a location: the kelurahan's code as address_id and "…, Kel. X, Kec. Y". */
function placeFields(location: LocationValue | null): Pick<SubmissionInput, 'address_string' | 'address_id'> {
  if (!location) return {};
  const kelurahan = location.kelurahan ? places.byCode.get(location.kelurahan) : undefined;
  if (!kelurahan) return { address_string: location.address_string };
  return { address_string: addressWithPlace(location.address_string, kelurahan), address_id: kelurahan.code };
}

/**
 * A service's form, generated from its Open311 definition and checked with the same
 * validation the server runs; errors are said next to each field in the chosen language.
 */
export function ServiceForm({ agency, service: chosen, prefill, submit, onBack }: ServiceFormProps) {
  const service = fullService(chosen);
  const t = useFeatureT(SERVICE_FORM_STRINGS);
  const lang = useLang();
  const flowBack = useAppStore((s) => s.back);
  const back = onBack ?? flowBack;
  const announce = useAppStore((s) => s.announce);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);

  // The citizen's words fill the service's main required text, else the description.
  const wordsTarget = service.attributes.find((a) => a.required && a.variable && a.datatype === 'text')?.code ?? null;
  const [description, setDescription] = useState(wordsTarget ? '' : prefill);
  const [attributes, setAttributes] = useState<AttributeValues>(() => initialAttributes(service, wordsTarget, prefill));
  const [location, setLocation] = useState<LocationValue>({ address_string: '', kelurahan: '', lat: '', long: '' });
  // Contact asked once: remembered on the citizen's own device if they chose so (never on a
  // kiosk, never when staff file for someone).
  const kiosk = useKiosk((s) => s.active);
  const ownDevice = !submit && !kiosk;
  const [remembered] = useState(() => (ownDevice ? loadContact() : null));
  const [contact, setContact] = useState<ContactValue>(remembered ?? EMPTY_CONTACT);
  const [remember, setRemember] = useState(remembered !== null);
  const [consent, setConsent] = useState(false);
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Issue 13: the citizen chose "Saya juga mengalami ini" on a nearby report instead of filing.
  const [followed, setFollowed] = useState<FollowAnswer | null>(null);

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
      ...placeFields(service.location === 'none' ? null : location),
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
      } else {
        if (ownDevice) rememberContact(remember ? contact : null);
        await fileReport(input, agency.code, photos);
      }
    } catch (error) {
      const message = submit ? (error instanceof Error ? error.message : String(error)) : describeApiError(error, lang);
      setSubmitError(message);
      announce(`${t('submitFailed')} ${message}`);
      setSubmitting(false);
    }
  };

  const needConsent = () => {
    setErrors((prev) => ({ ...prev, consent: t('consentNeeded') }));
    focusFirstError.current = true;
  };

  if (followed) return <FollowedResult answer={followed} onBack={back} />;

  const errorCount = Object.keys(errors).length;
  const descriptionField = (
    <Field id={`${uid}-description`} label={t('description')} hint={t('descriptionHint')} error={errors.description}>
      {(control) => <textarea {...control} rows={4} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />}
    </Field>
  );
  const attributeField = (a: Service['attributes'][number]) => (
    <AttributeField
      key={a.code}
      attribute={a}
      id={attrId(a.code)}
      value={attributes[a.code]}
      error={errors[`attribute[${a.code}]`]}
      onChange={(value) => setAttributes((prev) => ({ ...prev, [a.code]: value }))}
    />
  );
  // Only what the officer needs is asked up front; the rest is folded under "Tambah rincian"
  // (and unfolded when something there needs the citizen's attention).
  const required = service.attributes.filter((a) => a.required || !a.variable);
  const optional = service.attributes.filter((a) => !a.required && a.variable);
  const optionalOpen = optional.some((a) => errors[`attribute[${a.code}]`]) || (wordsTarget !== null && errors.description !== undefined);
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

      {!wordsTarget && descriptionField}

      {required.length > 0 && (
        <fieldset className="form-section">
          <legend>{t('detailsLegend')}</legend>
          {required.map(attributeField)}
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

      {!submit && service.kind === 'complaint' && service.location !== 'none' && (
        <NearbyReports
          serviceCode={service.code}
          kelurahan={location.kelurahan}
          lat={location.lat}
          long={location.long}
          email={contact.email}
          mayUseEmail={consent}
          onNeedConsent={needConsent}
          onFollowed={(answer) => {
            announce(t('followedTitle', { id: answer.service_request_id }));
            setFollowed(answer);
          }}
        />
      )}

      {!submit && service.kind === 'complaint' && <PhotoFields value={photos} onChange={setPhotos} />}

      <ContactFields
        idPrefix={uid}
        required={!service.anonymous_allowed}
        value={contact}
        errors={{ contact: errors.contact, first_name: errors.first_name, last_name: errors.last_name, phone: errors.phone, email: errors.email }}
        onChange={setContact}
        remember={ownDevice ? { checked: remember, onChange: setRemember } : undefined}
      />

      {(optional.length > 0 || wordsTarget) && (
        <details className="form-section more-details" open={optionalOpen || undefined}>
          <summary>{t('moreDetails')}</summary>
          {wordsTarget && descriptionField}
          {optional.map(attributeField)}
        </details>
      )}

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
