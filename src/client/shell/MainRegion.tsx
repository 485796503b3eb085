import type { ReactNode } from 'react';
import { DeliveredBanner } from '../tracker/DeliveredBanner';
import { HallNotices } from '../live/HallNotices';
import { LiveRegion } from './LiveRegion';
import { NoticeBanner } from './NoticeBanner';

/** The page's main landmark with the notices and the live region every mode shares. */
export function MainRegion({ className, children }: { className: string; children: ReactNode }) {
  return (
    <main id="main" className={className}>
      <NoticeBanner />
      <DeliveredBanner />
      <HallNotices />
      {children}
      <LiveRegion />
    </main>
  );
}
