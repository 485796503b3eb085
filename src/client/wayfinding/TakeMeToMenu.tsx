import { useId, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useLang, useT } from '../i18n';
import { counterDirectory, type DirectoryEntry } from './counterDirectory';
import { deskName } from './deskName';
import { ModalDialog } from '../components/ModalDialog';
import './wayfinding.css';

interface TakeMeToMenuProps {
  /** '3d': the avatar walks there; '2d': the counter opens. Only changes the lead text. */
  variant: '3d' | '2d';
  /** A desk was picked (agency code or 'info'); the menu is closed by the caller. */
  onPick(entry: DirectoryEntry): void;
  onClose(): void;
}

/** "Antar saya ke…": every counter and the information desk, as large buttons; arrows move between them. */
export function TakeMeToMenu({ variant, onPick, onClose }: TakeMeToMenuProps) {
  const t = useT();
  const lang = useLang();
  const titleId = useId();
  const leadId = useId();
  const entries = counterDirectory();
  const first = useRef<HTMLButtonElement>(null);

  // Up/Down (and Home/End) walk the list; Tab still works as usual.
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let to = -1;
    if (e.key === 'ArrowDown') to = at < 0 ? 0 : (at + 1) % buttons.length;
    else if (e.key === 'ArrowUp') to = at <= 0 ? buttons.length - 1 : at - 1;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = buttons.length - 1;
    if (to < 0) return;
    e.preventDefault();
    buttons[to].focus();
  };

  return (
    <ModalDialog labelledBy={titleId} describedBy={leadId} onClose={onClose} className="take-me-to" initialFocus={first}>
      <div className="take-me-to-head">
        <h2 id={titleId}>{t('takeMeTo')}</h2>
        <button type="button" className="close-button" onClick={onClose} aria-label={`${t('close')}: ${t('takeMeTo')}`}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p id={leadId} className="take-me-to-lead">
        {t(variant === '3d' ? 'takeMeToLead3d' : 'takeMeToLead2d')}
      </p>
      <ul className="take-me-to-list" onKeyDown={onKeyDown} style={{ '--rows': Math.ceil(entries.length / 2) } as CSSProperties}>
        {entries.map((entry, i) => {
          const name = deskName(entry, lang, t);
          const number = entry.loket === null ? t('takeMeToInfo') : t('takeMeToLoket', { n: entry.loket });
          return (
            <li key={entry.code}>
              <button ref={i === 0 ? first : undefined} type="button" data-take-me-to={entry.code} onClick={() => onPick(entry)} style={{ '--accent': entry.color } as CSSProperties}>
                <span className="take-me-to-loket">{number}</span>{' '}
                <span className="take-me-to-name">{name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </ModalDialog>
  );
}
