import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '../i18n';
import type { DirectoryEntry } from './counterDirectory';
import './wayfinding.css';

// The menu (and the hall layout it lists) is a lazy chunk: the shell stays within its budget.
const TakeMeToMenu = lazy(() => import('./TakeMeToMenu').then((m) => ({ default: m.TakeMeToMenu })));

interface TakeMeToProps {
  /** '3d': walk there; '2d': open the counter. */
  variant: '3d' | '2d';
  /** Called with the chosen desk once the menu has closed. */
  onPick(entry: DirectoryEntry): void;
  /** The menu opened or closed (the hall stops reading the arrow keys while it is open); default none. */
  onOpenChange?(open: boolean): void;
  /** Extra class for placing the button; default none. */
  className?: string;
}

/** The "Antar saya ke…" button and its menu of counters. */
export function TakeMeTo({ variant, onPick, onOpenChange, className }: TakeMeToProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const change = (value: boolean) => {
    setOpen(value);
    onOpenChange?.(value);
  };
  // Unmounted while open (a counter panel opened over the hall): the menu is gone, say so,
  // or the hall would keep its controls off.
  const openRef = useRef(open);
  openRef.current = open;
  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;
  useEffect(
    () => () => {
      if (openRef.current) onOpenChangeRef.current?.(false);
    },
    [],
  );
  return (
    <>
      <button
        type="button"
        className={`take-me-to-button${className ? ` ${className}` : ''}`}
        data-action="take-me-to"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => change(true)}
      >
        <span className="take-me-to-icon" aria-hidden="true" />
        {t('takeMeTo')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TakeMeToMenu
            variant={variant}
            onClose={() => change(false)}
            onPick={(entry) => {
              // Close (and un-inert the page) first, so the pick may move focus into it.
              flushSync(() => change(false));
              onPick(entry);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
