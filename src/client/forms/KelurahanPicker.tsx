import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { placeLabel, searchKelurahan } from '../../shared/places';
import { useT } from '../i18n';
import { places } from './places';

interface KelurahanPickerProps {
  id: string;
  /** The chosen kelurahan's Kemendagri code, or "" for none. */
  value: string;
  onChange: (code: string) => void;
  describedBy?: string;
}

/**
 * Search-as-you-type kelurahan picker (ARIA 1.2 combobox with a listbox): by kelurahan or
 * kecamatan name, from the bundled list, so it works offline, on the kiosk and in 2D.
 */
export function KelurahanPicker({ id, value, onChange, describedBy }: KelurahanPickerProps) {
  const t = useT();
  const listId = useId();
  const chosen = value ? places.byCode.get(value) : undefined;
  const [typed, setTyped] = useState(chosen ? placeLabel(chosen) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useMemo(() => (open ? searchKelurahan(places, typed) : []), [open, typed]);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const choose = (index: number) => {
    const k = results[index];
    if (!k) return;
    onChange(k.code);
    setTyped(placeLabel(k));
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (results.length ? (a + 1) % results.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (results.length ? (a - 1 + results.length) % results.length : 0));
    } else if (e.key === 'Enter' && open && results.length) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const expanded = open && typed.trim() !== '';
  return (
    <div className="kelurahan-picker">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && results.length ? optionId(active) : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        maxLength={80}
        value={typed}
        data-kelurahan={value || undefined}
        onChange={(e) => {
          setTyped(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" className="kelurahan-options" hidden={!expanded} aria-label={t('kelurahanLabel')}>
        {results.map((k, i) => (
          <li
            key={k.code}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-code={k.code}
            // Keep the focus in the input while a click picks the option.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            <span className="kelurahan-name">{k.name}</span> <span className="hint">Kec. {k.kecamatan.name}</span>
          </li>
        ))}
      </ul>
      <p className="hint" role="status" aria-live="polite">
        {expanded ? (results.length ? t('kelurahanResults', { count: results.length }) : t('kelurahanNone')) : ''}
      </p>
    </div>
  );
}
