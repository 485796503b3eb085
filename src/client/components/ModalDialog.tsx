import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import './dialog.css';

interface ModalDialogProps {
  /** id of the element that names the dialog (its heading). */
  labelledBy: string;
  /** id of the element that describes it; default none. */
  describedBy?: string;
  /** Escape, or the browser closing the dialog. */
  onClose(): void;
  /** Focused when the dialog opens; default the first focusable element inside. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  /** 'alertdialog' for an urgent question (the kiosk's "still there?"); default 'dialog'. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal `<dialog>` (showModal: the page behind is inert, Escape closes). Tab wraps inside
 * it, and focus returns to whatever had it before the dialog opened.
 */
export function ModalDialog({ labelledBy, describedBy, onClose, initialFocus, className, role = 'dialog', children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Read during the first render, before anything inside takes focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      queueMicrotask(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        if (opener?.isConnected && opener !== document.body) opener.focus();
        else document.querySelector<HTMLElement>('#main h1, #main [data-return-focus]')?.focus();
      });
    };
    // Opened and focused once, on mount.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && (document.activeElement === first || !e.currentTarget.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={className}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
      onClose={() => close.current()}
    >
      {children}
    </dialog>
  );
}
