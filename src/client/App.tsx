import { useEffect } from 'react';
import { useT } from './i18n';
import { persistLang } from './i18n/persist';
import { useAppStore } from './state';
import { urlTicket, urlWants2d } from './ui/capability';
import { Header } from './ui/Header';
import { startOutbox } from './ui/reports';
import { TwoDMode } from './ui/TwoDMode';
import { Welcome } from './ui/Welcome';
import { WorldMode } from './ui/WorldMode';

/** The DOM shell: the header, then the welcome page, the 2D counters or the 3D hall. */
export function App() {
  const t = useT();
  const mode = useAppStore((s) => s.mode);
  const lang = useAppStore((s) => s.lang);

  useEffect(() => {
    startOutbox();
    const { setMode, openTracker } = useAppStore.getState();
    if (urlWants2d()) setMode('2d');
    const ticket = urlTicket();
    if (ticket) openTracker(ticket);
  }, []);

  useEffect(() => {
    persistLang(lang);
    document.title = `${t('appName')} — ${t('appTagline')}`;
  }, [lang, t]);

  return (
    <>
      <Header />
      {mode === 'welcome' && <Welcome />}
      {mode === '2d' && <TwoDMode />}
      {mode === '3d' && <WorldMode />}
    </>
  );
}
