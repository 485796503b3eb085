import { useCallback, useEffect, useState } from 'react';
import type { FiguresResponse } from '../../shared/figures';
import type { Lang } from '../../shared/i18n';
import type { StaffProfile } from '../../shared/staff';
import { initialLang, persistLang } from '../i18n/persist';
import { DashboardApiError, fetchFigures, fetchMe, signOut, type FiguresFilter } from './api';
import { CounterTotals } from './CounterTotals';
import { DashboardHeader } from './DashboardHeader';
import { fmtDate } from './format';
import { FigureCharts } from './FigureCharts';
import { FilterBar } from './FilterBar';
import { LoginForm } from './LoginForm';
import { SummaryCards } from './SummaryCards';
import { LangContext, translator } from './strings';

type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; staff: StaffProfile };

/** The supervisors' figures page: sign in, pick a window and a counter, read the charts, take the CSV. */
export function Dashboard() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [figures, setFigures] = useState<FiguresResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const t = translator(lang);

  useEffect(() => persistLang(lang), [lang]);
  useEffect(() => {
    fetchMe()
      .then((staff) => setSession(staff ? { state: 'signed-in', staff } : { state: 'signed-out' }))
      .catch(() => {
        setSession({ state: 'signed-out' });
        setError(t('networkError'));
      });
    // Once, on load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const load = useCallback(async (filter: FiguresFilter) => {
    setBusy(true);
    setError('');
    try {
      setFigures(await fetchFigures(filter));
    } catch (e) {
      if (e instanceof DashboardApiError && e.status === 401) setSession({ state: 'signed-out' });
      else setError(e instanceof DashboardApiError ? e.message : translator(lang)('networkError'));
    } finally {
      setBusy(false);
    }
  }, [lang]);

  const signedIn = session.state === 'signed-in';
  useEffect(() => {
    if (signedIn) void load({});
    // Load the default window when someone signs in, not on every language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);

  async function leave() {
    await signOut().catch(() => undefined);
    setFigures(null);
    setSession({ state: 'signed-out' });
  }

  const empty = figures && figures.rows.length === 0;
  return (
    <LangContext.Provider value={lang}>
      <a className="skip-link" href="#main">
        {lang === 'id' ? 'Langsung ke isi' : 'Skip to content'}
      </a>
      <DashboardHeader staff={signedIn ? session.staff : null} onLang={setLang} onSignOut={() => void leave()} />
      <main id="main" className="dash-main" tabIndex={-1} aria-busy={busy || session.state === 'checking'}>
        {session.state === 'signed-out' && <LoginForm onSignedIn={(staff) => setSession({ state: 'signed-in', staff })} />}
        {error && (
          <p className="error panel" role="alert">
            {error}
          </p>
        )}
        {signedIn && (
          <>
            <FilterBar figures={figures} isSupervisor={session.staff.role === 'supervisor'} busy={busy} onApply={(f) => void load(f)} />
            {!figures && <p className="muted" role="status">{t('loading')}</p>}
            {figures && (
              <>
                <p className="period muted" role="status">
                  {t('period')}: {fmtDate(figures.from, lang)} – {fmtDate(figures.to, lang)}. {t('witaNote')} {empty ? t('noData') : ''}
                </p>
                <SummaryCards overall={figures.overall} />
                <FigureCharts figures={figures} />
                <CounterTotals figures={figures} />
              </>
            )}
          </>
        )}
      </main>
    </LangContext.Provider>
  );
}
