import { lazy, Suspense, useState } from 'react';
import { useMapTiles } from '../components/useMapTiles';
import { insideCity } from '../../shared/places';
import { useFeatureT } from '../i18n';
import { formStrings } from '../i18n/formStrings';
import { Field, RequiredMark } from '../components/Field';
import { KelurahanPicker } from './KelurahanPicker';
import { useKiosk } from '../kiosk/kioskStore';
import { addressWithPlace } from '../../shared/places';
import { places } from './places';

export interface LocationValue {
  address_string: string;
  /** The kelurahan's Kemendagri code (sent as Open311 address_id), or "". */
  kelurahan: string;
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

// Leaflet and the map code arrive only when the server has a tile URL (MAP_TILES_URL).
const PinMap = lazy(() => import('./PinMap'));

/** Where the problem is: the kelurahan, an address or landmark, and/or a map point from the phone's GPS. */
export function LocationFields({ idPrefix, required, value, errors, onChange }: LocationFieldsProps) {
  const t = useFeatureT(formStrings);
  const [geo, setGeo] = useState<'idle' | 'busy' | 'ok' | 'failed'>('idle');
  // A kiosk's location is the exhibition hall, never the problem's: it offers the picker only.
  const kiosk = useKiosk((s) => s.active);
  const tilesUrl = useMapTiles();
  const canLocate = !kiosk && typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const kelurahan = value.kelurahan ? places.byCode.get(value.kelurahan) : undefined;
  const hasPoint = value.lat.trim() !== '' && value.long.trim() !== '';
  const place = kelurahan ? addressWithPlace(value.address_string.trim(), kelurahan) : value.address_string.trim();
  const summary = place || hasPoint ? [place, hasPoint ? t('locationPoint') : ''].filter(Boolean).join(' · ') : '';
  const lat = Number(value.lat);
  const long = Number(value.long);
  const outside = value.lat.trim() !== '' && value.long.trim() !== '' && Number.isFinite(lat) && Number.isFinite(long) && !insideCity(lat, long);

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
      {/* One requirement for the whole place (any one part is enough): the parts carry no mark of their own. */}
      <p className="hint">{t(canLocate ? 'locationAnyPart' : 'locationAnyPartNoGps')}</p>
      <Field inGroup id={`${idPrefix}-kelurahan`} label={t('kelurahanLabel')} hint={t('kelurahanHint')}>
        {(control) => (
          <KelurahanPicker id={control.id} describedBy={control['aria-describedby']} value={value.kelurahan} onChange={(kelurahan) => onChange({ ...value, kelurahan })} />
        )}
      </Field>
      <Field inGroup id={`${idPrefix}-address`} label={t('address')} hint={t('addressHint')} required={false} error={errors.location}>
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
      {tilesUrl && (
        <Suspense fallback={null}>
          <PinMap tilesUrl={tilesUrl} lat={value.lat} long={value.long} onPin={(lat, long) => onChange({ ...value, lat, long })} />
        </Suspense>
      )}
      {outside && (
        <p className="hint location-outside" role="status">
          {t('locationOutside')}
        </p>
      )}
      {summary && (
        <p className="location-summary" data-testid="location-summary">
          {summary}
        </p>
      )}
      <details className="more-details" open={Boolean(errors.lat || errors.long) || undefined}>
        <summary>{t('locationCoordinates')}</summary>
        <div className="field-row">
          <Field inGroup id={`${idPrefix}-lat`} label={t('lat')} error={errors.lat}>
            {(control) => (
              <input {...control} type="text" inputMode="decimal" value={value.lat} onChange={(e) => onChange({ ...value, lat: e.target.value })} />
            )}
          </Field>
          <Field inGroup id={`${idPrefix}-long`} label={t('long')} error={errors.long}>
            {(control) => (
              <input {...control} type="text" inputMode="decimal" value={value.long} onChange={(e) => onChange({ ...value, long: e.target.value })} />
            )}
          </Field>
        </div>
      </details>
    </fieldset>
  );
}
