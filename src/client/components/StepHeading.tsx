import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A step's heading inside a panel. It takes focus when the step changes, so keyboard and
 * screen-reader users land on what just appeared (the panel's own heading wins on open).
 */
export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h3 ref={ref} id={id} tabIndex={-1} className="step-heading">
      {children}
    </h3>
  );
}
