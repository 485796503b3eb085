import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useHall } from '../net/hallStore';
import { useAppStore } from '../state';

/** A small pill in the header: only when the live hall is connecting, reconnecting, down, or an overflow hall. */
export function HallStatus() {
  const t = useT();
  const { status, instance } = useHall(useShallow((s) => ({ status: s.status, instance: s.instance })));
  const inHall = useAppStore((s) => s.mode === '3d' || s.mode === '2d');
  if (!inHall) return null;
  const retry = () => {
    const { avatar } = useAppStore.getState();
    void useHall.getState().connect({ name: avatar.name || undefined, color: avatar.color });
  };
  return (
    <div className="hall-status" role="status" data-hall={status}>
      {status === 'connecting' && <span className="hall-pill">{t('hallConnecting')}</span>}
      {status === 'reconnecting' && <span className="hall-pill hall-pill--warn">{t('hallReconnecting')}</span>}
      {status === 'error' && (
        <span className="hall-pill hall-pill--warn">
          {t('hallUnavailable')}{' '}
          <button type="button" className="link-button" onClick={retry}>
            {t('hallRetry')}
          </button>
        </span>
      )}
      {status === 'connected' && instance > 1 && <span className="hall-pill">{t('hallInstance', { instance })}</span>}
    </div>
  );
}
