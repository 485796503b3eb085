import { useEffect, useState } from 'react';
import { useStaffT } from '../i18n/useStaffT';
import { staffApi } from '../api/staffApi';

/** "Mail not configured": shown while the server has no SMTP_URL and citizens' mails wait in the outbox. */
export function MailStatus() {
  const t = useStaffT();
  const [queued, setQueued] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    staffApi.mail().then(
      (m) => live && setQueued(m.configured ? null : m.queued),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (queued === null) return null;
  return (
    <p className="form-error" role="status" data-testid="mail-not-configured">
      {t('mailNotConfigured', { n: queued })}
    </p>
  );
}
