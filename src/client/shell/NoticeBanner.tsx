import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../state';

const TEXT: Record<'no_webgl' | 'weak_device' | 'load_failed', MessageKey> = {
  no_webgl: 'notice2dNoWebgl',
  weak_device: 'notice2dWeak',
  load_failed: 'loadingFailed',
};

/** Why the citizen is in 2D mode, said once, dismissible. */
export function NoticeBanner() {
  const t = useT();
  const { notice, dismissNotice } = useAppStore(useShallow((s) => ({ notice: s.notice, dismissNotice: s.dismissNotice })));
  if (!notice) return null;
  return (
    <div className="notice" role="note">
      <p>{t(TEXT[notice])}</p>
      <button type="button" className="link-button" onClick={dismissNotice}>
        {t('dismiss')}
      </button>
    </div>
  );
}
