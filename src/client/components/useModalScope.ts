import { useEffect, type RefObject } from 'react';

/** Kept out of `inert` so that announcements still reach a screen reader while the modal is open. */
const LIVE = '[aria-live], [role="status"], [role="alert"]';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Makes an element in the page a true modal while `active`: everything outside it (the
 * siblings of it and of each of its ancestors, up to <body>) is `inert`, so neither Tab nor a
 * screen reader's cursor nor a pointer reaches the page behind, and Tab cycles inside it.
 * Escape and giving focus back are the dialog's own (PanelFrame does both).
 */
export function useModalScope(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const root = ref.current;
    if (!active || !root) return;
    const made: HTMLElement[] = [];
    for (let node: HTMLElement | null = root; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement?.children ?? []) {
        if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        if (sibling.matches(LIVE) || sibling.tagName === 'SCRIPT') continue;
        sibling.inert = true;
        made.push(sibling);
      }
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const inside = root.contains(document.activeElement);
      if (e.shiftKey && (!inside || document.activeElement === first)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      for (const el of made) el.inert = false;
    };
  }, [ref, active]);
}
