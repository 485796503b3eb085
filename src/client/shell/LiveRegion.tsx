import { useAppStore } from '../state';

/** Status messages for screen readers: submitted, ticket number, errors. */
export function LiveRegion() {
  const announcement = useAppStore((s) => s.announcement);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
      <span key={announcement.seq}>{announcement.text}</span>
    </div>
  );
}
