import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useStaffT } from '../i18n/useStaffT';
import { useAppStore } from '../state';
import { MainRegion } from '../shell/MainRegion';
import { enterHallAsStaff } from './enterHall';
import { staffApi, StaffApiError } from '../api/staffApi';
import { clientConfig } from '../api';
import { useKiosk } from '../kiosk/kioskStore';

/** The staff sign-in page (/petugas): a session already open goes straight into the hall. */
export function StaffLogin() {
  const t = useStaffT();
  const ids = { user: useId(), pass: useId(), error: useId(), title: useId() };
  const [checking, setChecking] = useState(true);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const userRef = useRef<HTMLInputElement>(null);

  // A kiosk is a public screen: no staff session is opened there unless the server allows it.
  const kiosk = useKiosk((s) => s.active);
  const [kioskAllowed, setKioskAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    if (!kiosk) return;
    clientConfig()
      .then((c) => setKioskAllowed(c.kiosk_staff_login))
      .catch(() => setKioskAllowed(false));
  }, [kiosk]);
  const refused = kiosk && kioskAllowed !== true;

  useEffect(() => {
    if (refused) return;
    let live = true;
    staffApi
      .me()
      .then(({ staff }) => live && enterHallAsStaff(staff))
      .catch(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [refused]);

  useEffect(() => {
    if (!checking) userRef.current?.focus();
  }, [checking]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || refused) return;
    if (!username.trim() || !password) {
      setError(t('loginEmpty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { staff } = await staffApi.login(username.trim(), password);
      setPassword('');
      enterHallAsStaff(staff);
    } catch (err) {
      const status = err instanceof StaffApiError ? err.status : -1;
      setError(status === 401 ? t('loginWrong') : status === 429 ? t('loginTooMany') : status === 0 ? t('loginOffline') : t('loginFailed', { status }));
      setBusy(false);
    }
  };

  const goHome = (e: MouseEvent) => {
    e.preventDefault();
    history.replaceState(null, '', '/');
    useAppStore.getState().setMode('welcome');
  };

  return (
    <MainRegion className="staff-login">
      <section className="login-card" aria-labelledby={ids.title}>
        <h1 id={ids.title} tabIndex={-1}>
          {t('loginTitle')}
        </h1>
        <p className="lead">{t('loginLead')}</p>
        {refused ? (
          <p className="notice" role="status" data-login-kiosk-off>
            {kioskAllowed === null ? t('loginChecking') : t('loginKioskOff')}
          </p>
        ) : checking ? (
          <p className="hint" role="status">
            {t('loginChecking')}
          </p>
        ) : (
          <form className="login-form" onSubmit={onSubmit} noValidate aria-busy={busy || undefined}>
            <div className="field">
              <label htmlFor={ids.user}>{t('username')}</label>
              <input
                ref={userRef}
                id={ids.user}
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={64}
                value={username}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? ids.error : undefined}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.pass}>{t('password')}</label>
              <input
                id={ids.pass}
                name="password"
                type="password"
                autoComplete="current-password"
                maxLength={200}
                value={password}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? ids.error : undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {error && (
              <p className="form-error" id={ids.error} role="alert" data-login-error>
                {error}
              </p>
            )}
            <button type="submit" className="primary-button" disabled={busy}>
              {busy ? t('loginBusy') : t('loginSubmit')}
            </button>
          </form>
        )}
        <p>
          <a href="/" onClick={goHome}>
            {t('backToCitizen')}
          </a>
        </p>
      </section>
    </MainRegion>
  );
}
