import { catalog } from '../catalog';
import { useLang, useT } from '../i18n';

/** Shown when the avatar stands at a counter: the key to press, or a button to tap. */
export function NearPrompt({ code, onInteract }: { code: string; onInteract: (code: string) => void }) {
  const t = useT();
  const lang = useLang();
  const name = code === 'info' ? t('infoDesk') : (catalog.agencies.find((a) => a.code === code)?.short_name[lang] ?? code);
  return (
    <div className="near-prompt" data-near={code}>
      <p className="near-name">{name}</p>
      <button type="button" className="primary-button primary-button--big" onClick={() => onInteract(code)}>
        {t('nearPrompt')}
      </button>
    </div>
  );
}
