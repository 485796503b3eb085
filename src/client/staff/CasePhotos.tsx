import { useEffect, useState } from 'react';
import { staffApi, type CasePhoto } from '../api/staffApi';
import { useStaffT } from '../i18n/useStaffT';

/** A case's photos for its officer: thumbnails linking to the full photo, and publishing one. */
export function CasePhotos({ id }: { id: string }) {
  const t = useStaffT();
  const [photos, setPhotos] = useState<CasePhoto[]>([]);
  const [reloads, setReloads] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    staffApi
      .photos(id)
      .then((r) => live && setPhotos(r.photos))
      .catch(() => live && setPhotos([]));
    return () => {
      live = false;
    };
  }, [id, reloads]);

  if (photos.length === 0) return null;
  const publish = async (photoId: string) => {
    setBusy(photoId);
    try {
      await staffApi.publishPhoto(photoId);
    } finally {
      setBusy(null);
      setReloads((n) => n + 1);
    }
  };
  return (
    <>
      <h4>{t('casePhotos')}</h4>
      <p className="hint">{t('casePhotoPrivate')}</p>
      <ul className="case-photos">
        {photos.map((p, i) => (
          <li key={p.photo_id} data-photo-id={p.photo_id}>
            <a href={p.url} target="_blank" rel="noopener">
              <img src={p.thumb_url} alt={t('casePhotoAlt', { n: i + 1 })} width={160} height={Math.round((160 * p.height) / p.width)} loading="lazy" />
            </a>
            {p.published ? (
              <p className="hint">{t('casePhotoPublic', { n: i + 1 })}</p>
            ) : (
              <button type="button" className="secondary-button" disabled={busy !== null} onClick={() => void publish(p.photo_id)}>
                {t('casePhotoPublish', { n: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
