import { useAppStore } from '../state';
import { AvatarDialog } from '../welcome/AvatarDialog';
import { CounterPanel } from '../counter/CounterPanel';
import { TrackerPanel } from '../tracker/TrackerPanel';

/** Whichever panel is open: a counter, the tracker, or the avatar set-up. */
export function ActivePanel({ variant }: { variant: 'sheet' | 'region' }) {
  const panel = useAppStore((s) => s.panel);
  if (!panel) return null;
  switch (panel.kind) {
    case 'counter':
      return <CounterPanel key={`counter-${panel.agency}`} agencyCode={panel.agency} variant={variant} />;
    case 'tracker':
      return <TrackerPanel key={`tracker-${panel.ticket ?? ''}`} ticket={panel.ticket} variant={variant} />;
    case 'avatar':
      return <AvatarDialog key="avatar" variant={variant} />;
  }
}
