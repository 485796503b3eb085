import { useState, type FormEvent } from 'react';
import type { StaffProfile } from '../../shared/staff';
import { DashboardApiError, signIn } from './api';
import { useT } from './strings';

/** Username and password; the server sets an HttpOnly session cookie. */
export function LoginForm({ onSignedIn }: { onSignedIn: (staff: StaffProfile) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await signIn(username, password));
    } catch (e) {
      const status = e instanceof DashboardApiError ? e.status : 0;
      setError(status === 401 || status === 400 ? t('wrongLogin') : status === 429 ? t('tooManyLogins') : t('networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel login" aria-labelledby="login-heading">
      <h2 id="login-heading">{t('loginTitle')}</h2>
      <p className="muted">{t('loginHint')}</p>
      <form onSubmit={submit} className="login-form">
        <label>
          <span>{t('username')}</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          <span>{t('password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </section>
  );
}
