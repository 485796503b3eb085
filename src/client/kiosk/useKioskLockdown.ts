import { useEffect } from 'react';

/** Same-origin pages a kiosk visitor must not reach (staff sign-in, supervisors' figures). */
const CLOSED_PATHS = /^\/(petugas|dashboard)/;

/** Browser shortcuts that would leave, reload or zoom the kiosk page. */
function isEscapeKey(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'F5' || e.key === 'F11' || e.key === 'F12' || e.key === 'BrowserBack' || e.key === 'BrowserHome') return true;
  if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home')) return true;
  return mod && /^[rlntwposhj+=\-0]$/i.test(e.key);
}

function editable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * Kiosk lock-down while mounted: full screen on the first touch (browsers only allow it
 * from a gesture), large touch targets (`html.kiosk`), no pinch or ctrl zoom (a zoom a
 * visitor leaves behind cannot be undone by the page for the next one; the kiosk's type and
 * targets are large instead: 19 px, 56 px), no context
 * menu, no text selection outside fields, the back button held in the app, and no link
 * that leaves it. For a complete lock-down, start the browser in its own kiosk mode too
 * (see the README).
 */
export function useKioskLockdown(): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('kiosk');

    const prevent = (e: Event) => e.preventDefault();
    const onSelect = (e: Event) => {
      if (!editable(e.target)) e.preventDefault();
    };
    const onKey = (e: KeyboardEvent) => {
      if (isEscapeKey(e)) e.preventDefault();
    };
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a');
      if (!a || !a.href) return;
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || a.target === '_blank' || a.hasAttribute('download') || CLOSED_PATHS.test(url.pathname)) {
        e.preventDefault();
      }
    };
    const fullscreen = () => {
      if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    };
    const holdHistory = () => history.pushState({ kiosk: true }, '', location.href);
    holdHistory();

    window.addEventListener('contextmenu', prevent, true);
    window.addEventListener('dragstart', prevent, true);
    window.addEventListener('gesturestart', prevent, true);
    window.addEventListener('selectstart', onSelect, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('wheel', onWheel, { capture: true, passive: false });
    window.addEventListener('click', onClick, true);
    window.addEventListener('pointerdown', fullscreen, true);
    window.addEventListener('popstate', holdHistory);
    return () => {
      root.classList.remove('kiosk');
      window.removeEventListener('contextmenu', prevent, true);
      window.removeEventListener('dragstart', prevent, true);
      window.removeEventListener('gesturestart', prevent, true);
      window.removeEventListener('selectstart', onSelect, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('wheel', onWheel, { capture: true });
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('pointerdown', fullscreen, true);
      window.removeEventListener('popstate', holdHistory);
    };
  }, []);
}
