import { LANGS, type Lang } from '../../shared/i18n';
import { useT } from '../i18n';
import { useAppStore } from '../state';

const NAMES: Record<Lang, string> = { id: 'Indonesia', en: 'English' };

/** Bahasa Indonesia / English; the choice is remembered on this device. */
export function LangSwitch() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          <span className="sr-only">{NAMES[l]}</span>
          <span className="label-long" aria-hidden="true">
            {NAMES[l]}
          </span>
          <span className="label-short" aria-hidden="true">
            {l.toUpperCase()}
          </span>
        </button>
      ))}
    </div>
  );
}
