import { useCallback, useState } from 'react';
import { useAppStore } from '../state';
import { guideSeen, markGuideSeen } from './guideSeen';

/** Whether to show the first-visit guide now (never to signed-in staff), and how to end it for good. */
export function useFirstVisitGuide(): { open: boolean; done: () => void } {
  const staff = useAppStore((s) => s.staff);
  const [open, setOpen] = useState(() => !guideSeen());
  const done = useCallback(() => {
    markGuideSeen();
    setOpen(false);
  }, []);
  return { open: open && staff === null, done };
}
