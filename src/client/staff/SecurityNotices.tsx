import { useCallback, useEffect, useId, useState } from 'react';
import { staffApi, type StaffNotice } from '../api/staffApi';
import { useLang } from '../i18n';
import { formatCityDate } from '../i18n/format';
import { useStaffT } from '../i18n/useStaffT';

/**
 * Supervisors: the server's security notices (a burst of failed sign-ins on one account, from
 * GET /api/staff/notices), read when the console opens and on request. A live region, so a
 * screen reader hears a notice that appears after "check again".
 */
export function SecurityNotices() {
  const t = useStaffT();
  const lang = useLang();
  const titleId = useId();
  const [notices, setNotices] = useState<StaffNotice[]>([]);
  const load = useCallback(() => {
    staffApi.notices().then(
      (r) => setNotices(r.notices),
      () => undefined,
    );
  }, []);
  useEffect(load, [load]);
  return (
    <section className="console-notices" aria-labelledby={titleId} data-testid="security-notices" hidden={notices.length === 0}>
      <h3 id={titleId}>{t('noticesTitle')}</h3>
      <ul aria-live="polite">
        {notices.map((n) => (
          <li key={`${n.at}-${n.account}`} className="form-error" data-notice={n.kind}>
            {t('noticeLoginBurst', {
              time: formatCityDate(n.at, lang),
              account: n.account ?? '?',
              failures: n.detail?.failures ?? '?',
              addresses: n.detail?.addresses ?? '?',
            })}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={load}>
        {t('noticesRefresh')}
      </button>
    </section>
  );
}
