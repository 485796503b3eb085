import { catalog } from '../catalog';
import { useLang, useT } from '../i18n';
import { useHall, type HallNotice } from '../net/hallStore';
import { useAppStore } from '../state';

/** Hall events that concern the whole page: an officer left while you queued, a supervisor's action. */
export function HallNotices() {
  const t = useT();
  const lang = useLang();
  const notices = useHall((s) => s.notices);
  // A queueCleared with a count is the supervisor's own (their console shows it).
  const shown = notices.filter((n) => n.kind === 'counterClosed' || n.kind === 'moderated' || (n.kind === 'queueCleared' && n.detail.cleared === undefined));
  if (shown.length === 0) return null;
  const dismiss = (n: HallNotice) => useHall.getState().dismissNotice(n.id);
  return (
    <div className="hall-notices">
      {shown.map((n) => {
        if (n.kind === 'counterClosed') {
          const code = String(n.detail.counter);
          const agency = catalog.agencies.find((a) => a.code === code);
          return (
            <div key={n.id} className="notice" role="alert" data-notice="counterClosed">
              <p>{t('counterClosedText', { agency: agency?.short_name[lang] ?? code })}</p>
              <button
                type="button"
                className="primary-button"
                onClick={() => {
                  dismiss(n);
                  useAppStore.getState().openCounter(code);
                }}
              >
                {t('counterClosedAction')}
              </button>{' '}
              <button type="button" className="link-button" onClick={() => dismiss(n)}>
                {t('dismiss')}
              </button>
            </div>
          );
        }
        if (n.kind === 'queueCleared') {
          const code = String(n.detail.counter);
          const agency = catalog.agencies.find((a) => a.code === code);
          return (
            <div key={n.id} className="notice" role="alert" data-notice="queueCleared">
              <p>{t('queueClearedText', { agency: agency?.short_name[lang] ?? code })}</p>
              <button type="button" className="link-button" onClick={() => dismiss(n)}>
                {t('dismiss')}
              </button>
            </div>
          );
        }
        const action = String(n.detail.action);
        return (
          <div key={n.id} className="notice" role="alert" data-notice="moderated">
            <p>{t(action === 'remove' ? 'moderatedRemove' : action === 'mute' ? 'moderatedMute' : 'moderatedUnmute')}</p>
            <button type="button" className="link-button" onClick={() => dismiss(n)}>
              {t('dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
