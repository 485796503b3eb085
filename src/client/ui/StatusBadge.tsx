import { useT } from '../i18n';
import type { CounterStatus } from './counterStatus';

/** "Layanan mandiri 24 jam" or "Petugas bertugas". */
export function StatusBadge({ status }: { status: CounterStatus }) {
  const t = useT();
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span className="status-dot" aria-hidden="true" />
      {t(status === 'on_duty' ? 'statusOnDuty' : 'statusSelfService')}
    </span>
  );
}
