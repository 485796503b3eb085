import { useEffect, useState, type FormEvent } from 'react';
import { HALL_COUNTER, type FiguresResponse } from '../../shared/figures';
import { csvUrl, type FiguresFilter } from './api';
import { useLang, useT } from './strings';

interface FilterBarProps {
  /** The figures on screen: their window fills the date fields. */
  figures: FiguresResponse | null;
  isSupervisor: boolean;
  busy: boolean;
  onApply: (filter: FiguresFilter) => void;
}

/** Date range, counter, and the CSV of exactly what is on screen. */
export function FilterBar({ figures, isSupervisor, busy, onApply }: FilterBarProps) {
  const lang = useLang();
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [counter, setCounter] = useState('');
  const [kecamatan, setKecamatan] = useState('');
  useEffect(() => {
    if (!figures) return;
    setFrom(figures.from);
    setTo(figures.to);
    setCounter(figures.counter ?? '');
    setKecamatan(figures.kecamatan ?? '');
  }, [figures]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ from, to, counter: counter || undefined, kecamatan: kecamatan || undefined });
  }

  const shown: FiguresFilter = figures ? { from: figures.from, to: figures.to, counter: figures.counter ?? undefined, kecamatan: figures.kecamatan ?? undefined } : {};
  return (
    <form className="panel filters" onSubmit={submit} aria-label={t('filters')}>
      <label>
        <span>{t('from')}</span>
        <input type="date" name="from" required value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        <span>{t('to')}</span>
        <input type="date" name="to" required value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        <span>{t('counter')}</span>
        <select name="counter" value={counter || (isSupervisor ? '' : (figures?.counters[0]?.code ?? ''))} onChange={(e) => setCounter(e.target.value)}>
          {(isSupervisor || (figures?.counters.length ?? 0) !== 1) && <option value="">{t('allCounters')}</option>}
          {isSupervisor && <option value={HALL_COUNTER}>{t('hall')}</option>}
          {figures?.counters.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name[lang]}
            </option>
          ))}
        </select>
      </label>
      {(figures?.kecamatan_list?.length ?? 0) > 0 && (
        <label>
          <span>{t('kecamatan')}</span>
          <select name="kecamatan" value={kecamatan} onChange={(e) => setKecamatan(e.target.value)}>
            <option value="">{t('allKecamatan')}</option>
            {figures?.kecamatan_list?.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="filter-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('show')}
        </button>
        <a className="button" href={csvUrl(shown)} download data-action="csv">
          {t('downloadCsv')}
        </a>
      </div>
    </form>
  );
}
