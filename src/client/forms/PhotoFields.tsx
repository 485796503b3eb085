import { useId, useState } from 'react';
import { MAX_PHOTOS } from '../../shared/photos';
import { useT } from '../i18n';
import { shrinkPhoto } from './shrinkPhoto';

interface PhotoFieldsProps {
  /** The photos chosen so far, already shrunk. */
  value: Blob[];
  onChange: (photos: Blob[]) => void;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Up to MAX_PHOTOS photos, from the camera or from files, shrunk on the device with a
 * progress bar. No previews: they would need blob: URLs, which the page's CSP keeps out.
 */
export function PhotoFields({ value, onChange }: PhotoFieldsProps) {
  const t = useT();
  const id = useId();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const room = MAX_PHOTOS - value.length;

  const add = async (files: FileList | null) => {
    setError(null);
    const chosen = [...(files ?? [])];
    if (chosen.length === 0) return;
    if (chosen.length > room) setError(t('photosTooMany', { max: MAX_PHOTOS }));
    const take = chosen.slice(0, room);
    const out: Blob[] = [];
    setProgress({ done: 0, total: take.length });
    for (const [i, file] of take.entries()) {
      try {
        out.push(await shrinkPhoto(file));
      } catch {
        // HEIC (iPhones) where this browser cannot decode it: say what to do instead.
        const heic = /image\/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name);
        setError(t(heic ? 'photoHeic' : 'photoUnreadable', { name: file.name }));
      }
      setProgress({ done: i + 1, total: take.length });
    }
    setProgress(null);
    onChange([...value, ...out]);
  };

  return (
    <fieldset className="form-section photo-fields">
      <legend>
        {t('photosLegend')} <span className="optional">({t('optional')})</span>
      </legend>
      <p className="hint" id={`${id}-hint`}>
        {t('photosHint', { max: MAX_PHOTOS })}
      </p>
      {room > 0 && (
        <div className="field">
          <input
            id={`${id}-input`}
            className="sr-only"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif,image/*"
            multiple
            aria-describedby={`${id}-hint`}
            disabled={progress !== null}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
          <label htmlFor={`${id}-input`} className="secondary-button photo-add">
            {t('photosAdd')}
          </label>
        </div>
      )}
      {progress && (
        <p className="hint" role="status">
          <progress max={progress.total} value={progress.done} aria-label={t('photosShrinking')} /> {t('photosShrinking')} {progress.done}/{progress.total}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {value.length > 0 && (
        <ul className="photo-list" aria-label={t('photosLegend')}>
          {value.map((photo, i) => (
            <li key={i} data-photo={i}>
              <span>
                {t('photoNumber', { n: i + 1 })} · {kb(photo.size)}
              </span>
              <button type="button" className="secondary-button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('photoRemove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
