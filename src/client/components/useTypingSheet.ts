import { useEffect, type RefObject } from 'react';

/** Fields a citizen types in (a phone's keyboard comes up for them). */
const TYPED = 'input:not([type]), input[type="text"], input[type="tel"], input[type="email"], input[type="search"], input[type="number"], textarea';
/**
 * How long a sheet keeps the whole screen after focus left its form, ms. A tap that takes focus
 * away from a text field ends before its click: were the sheet to shrink at once, everything in
 * it would move down (~230 px on a phone) under the finger and the click would land elsewhere
 * (the first tap on a choice after typing the description was lost).
 */
const SHRINK_AFTER_MS = 400;

/**
 * Gives `ref`'s element the class `typing` while the citizen fills a form in it: from the first
 * focus on a text field until focus has left the form for SHRINK_AFTER_MS. CSS gives a phone's
 * bottom sheet the whole screen then (shell/modes.css), so the keyboard leaves more than a sliver.
 */
export function useTypingSheet(ref: RefObject<HTMLElement | null>, typing: string): void {
  useEffect(() => {
    const sheet = ref.current;
    if (!sheet) return;
    let timer = 0;
    const inForm = () => {
      const active = document.activeElement;
      return active instanceof HTMLElement && sheet.contains(active) && (active.matches(TYPED) || (sheet.classList.contains(typing) && active.closest('form') !== null));
    };
    const onFocusIn = () => {
      if (!inForm()) return;
      clearTimeout(timer);
      sheet.classList.add(typing);
    };
    const onFocusOut = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (!inForm()) sheet.classList.remove(typing);
      }, SHRINK_AFTER_MS);
    };
    sheet.addEventListener('focusin', onFocusIn);
    sheet.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimeout(timer);
      sheet.removeEventListener('focusin', onFocusIn);
      sheet.removeEventListener('focusout', onFocusOut);
      sheet.classList.remove(typing);
    };
  }, [ref, typing]);
}
