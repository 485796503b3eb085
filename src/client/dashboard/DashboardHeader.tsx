import { LANGS, type Lang } from '../../shared/i18n';
import type { StaffProfile } from '../../shared/staff';
import { Logo } from '../shell/Logo';
import { useLang, useT } from './strings';

const NAMES: Record<Lang, string> = { id: 'Indonesia', en: 'English' };

interface DashboardHeaderProps {
  staff: StaffProfile | null;
  onLang: (lang: Lang) => void;
  onSignOut: () => void;
}

/** Title, language switch, and who is signed in. */
export function DashboardHeader({ staff, onLang, onSignOut }: DashboardHeaderProps) {
  const lang = useLang();
  const t = useT();
  return (
    <header className="dash-header">
      <div className="dash-title">
        <Logo />
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
      </div>
      <div className="dash-tools">
        <div className="lang-switch" role="group" aria-label={t('language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => onLang(l)}>
              {NAMES[l]}
            </button>
          ))}
        </div>
        {staff && (
          <div className="who">
            <span>
              {staff.display_name} · {staff.role === 'supervisor' ? t('supervisor') : t('officer')}
            </span>
            <button type="button" className="button button--quiet" onClick={onSignOut}>
              {t('signOut')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
