import { useEffect, useId, useState } from 'react';
import { NEARBY_RADIUS_M, type FollowAnswer, type NearbyReport } from '../../shared/nearby';
import { nearbyApi } from '../api/nearbyApi';
import { useLang, useFeatureT } from '../i18n';
import { nearbyStrings } from '../i18n/nearbyStrings';
import { formatCityDate } from '../i18n/format';
import { useAppStore } from '../state';

interface NearbyReportsProps {
  serviceCode: string;
  kelurahan: string;
  lat: string;
  long: string;
  /** The e-mail typed in the form, if any: the follower gets the case's news there. */
  email: string;
  /** Whether the e-mail may be used (the consent box is ticked, or there is no e-mail). */
  mayUseEmail: boolean;
  /** Called when an e-mail is typed but consent is missing. */
  onNeedConsent: () => void;
  onFollowed: (answer: FollowAnswer) => void;
}

const WAIT_MS = 400;

/**
 * Before a complaint is sent: open complaints of the same service in the same kelurahan or
 * within 300 m, so the citizen can say "Saya juga mengalami ini" instead of filing a duplicate.
 * Offline or on any error it shows nothing: the form works as before.
 */
export function NearbyReports({ serviceCode, kelurahan, lat, long, email, mayUseEmail, onNeedConsent, onFollowed }: NearbyReportsProps) {
  const t = useFeatureT(nearbyStrings);
  const lang = useLang();
  const announce = useAppStore((s) => s.announce);
  const headingId = useId();
  const [reports, setReports] = useState<NearbyReport[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const point = Number.isFinite(Number.parseFloat(lat)) && Number.isFinite(Number.parseFloat(long)) ? { lat: lat.trim(), long: long.trim() } : null;
  const key = `${serviceCode}|${kelurahan}|${point?.lat ?? ''}|${point?.long ?? ''}|${lang}`;

  useEffect(() => {
    if (!kelurahan && !point) {
      setReports([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      nearbyApi
        .find({ serviceCode, kelurahan: kelurahan || undefined, lat: point?.lat, long: point?.long, lang })
        .then((found) => {
          if (!live) return;
          setReports(found);
          if (found.length > 0) announce(t('nearbyFound', { count: found.length }));
        })
        .catch(() => live && setReports([]));
    }, WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The key holds every input of the question.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (reports.length === 0) return null;

  const follow = async (id: string) => {
    const address = email.trim();
    if (address && !mayUseEmail) {
      setError(t('nearbyEmailConsent'));
      onNeedConsent();
      return;
    }
    setBusy(id);
    setError(null);
    announce(t('nearbyFollowing'));
    try {
      onFollowed(await nearbyApi.follow(id, address || undefined, lang));
    } catch (e) {
      const message = `${t('nearbyFailed')} ${e instanceof Error ? e.message : String(e)}`;
      setError(message);
      announce(message);
      setBusy(null);
    }
  };

  return (
    <section className="form-section nearby" aria-labelledby={headingId} data-testid="nearby-reports">
      <h4 id={headingId} className="nearby-title">
        {t('nearbyTitle')}
      </h4>
      <p className="hint">{t('nearbyHint')}</p>
      <ul className="nearby-list">
        {reports.map((r) => (
          <li key={r.service_request_id} className="nearby-item" data-ticket={r.service_request_id}>
            {r.photo_thumb_url && <img className="nearby-photo" src={r.photo_thumb_url} alt={t('nearbyPhotoAlt', { id: r.service_request_id })} width={96} height={72} loading="lazy" />}
            <div className="nearby-body">
              <p className="nearby-meta">
                <strong>{r.service_request_id}</strong> · {r.stage_label} · <time dateTime={r.requested_datetime}>{formatCityDate(r.requested_datetime, lang)}</time>
              </p>
              {r.description && <p className="nearby-text">{r.description}</p>}
              {r.address && <p className="nearby-place">{r.address}</p>}
              <p className="nearby-facts">
                <span className="nearby-affected" data-testid="nearby-affected">
                  {t('nearbyAffected', { count: r.people_affected })}
                </span>
                {r.distance_m !== null && r.distance_m <= NEARBY_RADIUS_M ? (
                  <span> · {t('nearbyDistance', { metres: r.distance_m })}</span>
                ) : r.same_kelurahan ? (
                  <span> · {t('nearbySameKelurahan')}</span>
                ) : null}
              </p>
              <button
                type="button"
                className="secondary-button nearby-follow"
                aria-label={t('nearbySameFor', { id: r.service_request_id })}
                disabled={busy !== null}
                onClick={() => void follow(r.service_request_id)}
              >
                {busy === r.service_request_id ? t('nearbyFollowing') : t('nearbySame')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="hint">{t('nearbyNotMine')}</p>
    </section>
  );
}
