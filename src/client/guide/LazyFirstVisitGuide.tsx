import { lazy, Suspense } from 'react';
import type { FirstVisitGuideProps } from './FirstVisitGuide';

const FirstVisitGuide = lazy(() => import('./FirstVisitGuide').then((m) => ({ default: m.FirstVisitGuide })));

/** The first-visit guide as a lazy chunk (most visits never show it); same props as FirstVisitGuide. */
export function LazyFirstVisitGuide(props: FirstVisitGuideProps) {
  return (
    <Suspense fallback={null}>
      <FirstVisitGuide {...props} />
    </Suspense>
  );
}
