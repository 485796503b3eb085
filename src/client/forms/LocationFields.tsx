import { useState } from 'react';
import { useT } from '../i18n';
import { Field, RequiredMark } from '../components/Field';

export interface LocationValue {
  address_string: string;
  lat: string;
  long: string;
}

interface LocationFieldsProps {
  idPrefix: string;
  required: boolean;
  value: LocationValue;
  errors: { location?: string; lat?: string; long?: string };
  onChange: (value: LocationValue) => void;
}

/** Where the problem is: an address or landmark, and/or a map point from the phone's GPS. */
export function LocationFields({ idPrefix, required, value, errors, onChange }: LocationFieldsProps) {
  const t = useT();
  const [geo, setGeo] = useState<'idle' | 'busy' | 'ok' | 'failed'>('idle');
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setGeo('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        onChange({ ...value, lat: pos.coords.latitude.toFixed(6), long: pos.coords.longitude.toFixed(6) });
        setGeo('ok');
      },
      () => setGeo('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <fieldset className="form-section">
      <legend>
        {t('locationLegend')}
        {required ? <RequiredMark /> : <span className="optional"> ({t('optional')})</span>}
      </legend>
      <Field id={`${idPrefix}-address`} label={t('address')} hint={t('addressHint')} required={false} error={errors.location}>
        {(control) => (
          <input
            {...control}
            aria-required={required || undefined}
            type="text"
            autoComplete="street-address"
            maxLength={200}
            value={value.address_string}
            onChange={(e) => onChange({ ...value, address_string: e.target.value })}
          />
        )}
      </Field>
      {canLocate && (
        <div className="geo-row">
          <button type="button" className="secondary-button" onClick={locate} disabled={geo === 'busy'}>
            <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" fill="currentColor" />
            </svg>
            {t('useMyLocation')}
          </button>
          <p className="hint" role="status">
            {geo === 'busy' ? t('locating') : geo === 'ok' ? t('locationFound') : geo === 'failed' ? t('locationFailed') : ''}
          </p>
        </div>
      )}
      <div className="field-row">
        <Field id={`${idPrefix}-lat`} label={t('lat')} error={errors.lat}>
          {(control) => (
            <input {...control} type="text" inputMode="decimal" value={value.lat} onChange={(e) => onChange({ ...value, lat: e.target.value })} />
          )}
        </Field>
        <Field id={`${idPrefix}-long`} label={t('long')} error={errors.long}>
          {(control) => (
            <input {...control} type="text" inputMode="decimal" value={value.long} onChange={(e) => onChange({ ...value, long: e.target.value })} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
