import { useT } from '../i18n';
import type { CounterStatus } from '../counter/counterStatus';

/** "Layanan mandiri 24 jam" or "Petugas bertugas: <name>". */
export function StatusBadge({ status, officer }: { status: CounterStatus; /** The officer's name when on duty; default none. */ officer?: string }) {
  const t = useT();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {status === 'on_duty' ? (officer ? t('statusOnDutyName', { name: officer }) : t('statusOnDuty')) : t('statusSelfService')}
    </span>
  );
}
