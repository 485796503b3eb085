import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { AVATAR_COLORS, useAppStore } from '../state';
import { PanelFrame } from '../components/PanelFrame';

/** Before entering the hall: a shirt colour and, if the citizen likes, a display name. */
export function AvatarDialog({ variant }: { variant: 'sheet' | 'region' }) {
  const t = useT();
  const avatar = useAppStore((s) => s.avatar);
  const setAvatar = useAppStore((s) => s.setAvatar);
  const setMode = useAppStore((s) => s.setMode);
  const closePanel = useAppStore((s) => s.closePanel);
  const [color, setColor] = useState(avatar.color);
  const [name, setName] = useState(avatar.name);
  const nameId = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setAvatar({ color, name });
    setMode('3d');
  };

  return (
    <PanelFrame title={t('avatarTitle')} variant={variant} onClose={closePanel} modal>
      <form className="avatar-form" onSubmit={onSubmit}>
        <fieldset className="color-picker">
          <legend>{t('avatarColor')}</legend>
          <div className="swatches">
            {AVATAR_COLORS.map((c) => (
              <label key={c.hex} className="swatch-option">
                <input type="radio" name="avatar-color" value={c.hex} checked={color === c.hex} onChange={() => setColor(c.hex)} />
                <span className="swatch-chip" style={{ background: c.hex }} aria-hidden="true" />
                <span className="swatch-name">{t(c.key)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={nameId}>{t('avatarName')}</label>
          <p className="hint" id={`${nameId}-hint`}>
            {t('avatarNameHint')}
          </p>
          <input id={nameId} type="text" maxLength={24} autoComplete="nickname" value={name} aria-describedby={`${nameId}-hint`} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary-button primary-button--big">
            {t('avatarStart')}
          </button>
          <button type="button" className="secondary-button" onClick={closePanel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}
