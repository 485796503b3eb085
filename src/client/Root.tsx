import { lazy, Suspense, useEffect } from 'react';
import { App } from './App';
import { detectKiosk, useKiosk } from './kiosk/kioskStore';

// Kiosk mode (attract loop, idle reset, lock-down) is a lazy chunk: only kiosks fetch it.
const KioskLayer = lazy(() => import('./kiosk/KioskLayer'));

/**
 * The app, keyed on the kiosk's reset generation so a privacy reset mounts it afresh (no
 * form field, chat line or name survives in React state or the DOM), and the kiosk layer.
 */
export function Root() {
  const active = useKiosk((s) => s.active);
  const generation = useKiosk((s) => s.generation);
  const attract = useKiosk((s) => s.active && s.phase === 'attract');
  useEffect(detectKiosk, []);
  return (
    <>
      <div className="app-root" inert={attract}>
        <App key={generation} />
      </div>
      {active && (
        <Suspense fallback={null}>
          <KioskLayer />
        </Suspense>
      )}
    </>
  );
}
