import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useModalScope } from './useModalScope';

interface PanelFrameProps {
  /** The panel's heading (h2). */
  title: string;
  /** Shown under the title: the counter's status, its hours. */
  meta?: ReactNode;
  onClose: () => void;
  /** 'sheet' floats over the hall (a bottom sheet on phones); 'region' sits beside the 2D list. Default 'sheet'. */
  variant?: 'sheet' | 'region';
  /** Accent colour of the agency's signboard. */
  accent?: string;
  /** A true modal dialog: the rest of the page is inert and Tab stays inside (the avatar sheet). */
  modal?: boolean;
  children: ReactNode;
}

/**
 * The frame every panel shares: focus moves to its heading when it opens, Escape closes
 * it, and focus returns to whatever opened it.
 */
export function PanelFrame({ title, meta, onClose, variant = 'sheet', accent, modal = false, children }: PanelFrameProps) {
  const t = useT();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const frameRef = useRef<HTMLElement>(null);
  useModalScope(frameRef, modal);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Read during the first render: by the time effects run, a step heading inside has taken focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    headingRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      // After React removes the panel, if focus went with it (not to a panel that replaced
      // this one): give it back to the opener, or to the page heading.
      queueMicrotask(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        if (opener?.isConnected && opener !== document.body) opener.focus();
        else document.querySelector<HTMLElement>('#main h1, #main [data-return-focus]')?.focus();
      });
    };
  }, [opener]);

  const Tag = variant === 'sheet' ? 'div' : 'section';
  return (
    <Tag
      ref={frameRef as never}
      className={`panel panel--${variant}${modal ? ' panel--modal' : ''}`}
      role={variant === 'sheet' || modal ? 'dialog' : undefined}
      aria-modal={modal || undefined}
      aria-labelledby={titleId}
      style={accent ? ({ '--accent': accent } as CSSProperties) : undefined}
    >
      <div className="panel-head">
        <div className="panel-titles">
          <h2 id={titleId} ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          {meta}
        </div>
        <button type="button" className="close-button" onClick={onClose} aria-label={`${t('close')}: ${title}`}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="panel-body">{children}</div>
    </Tag>
  );
}
