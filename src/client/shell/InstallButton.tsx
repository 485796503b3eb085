import { useSyncExternalStore } from 'react';
import { useT } from '../i18n';
import { canInstall, installApp, subscribeInstall } from './installApp';

/** "Simpan ke layar utama", only where the browser offers to install the app. */
export function InstallButton() {
  const t = useT();
  const available = useSyncExternalStore(subscribeInstall, canInstall);
  if (!available) return null;
  return (
    <button type="button" className="secondary-button" data-action="install-app" onClick={() => void installApp()}>
      {t('installApp')}
    </button>
  );
}
