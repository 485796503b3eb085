import { lazy, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { useMapTiles } from '../components/useMapTiles';
import type { StaffProfile } from '../../shared/staff';
import { STAGE_INFO, STAGES, type Stage } from '../../shared/stages';
import { catalog } from '../catalog';
import { useLang } from '../i18n';
import { useStaffT } from '../i18n/useStaffT';
import { formatCityDate } from '../i18n/format';
import { CaseView } from './CaseView';
import { places } from '../forms/places';
import { staffApi, StaffApiError, type CaseSummary } from '../api/staffApi';
import { CASE_VIEW_LABELS, CASE_VIEWS, type CaseView as CaseListView } from '../../shared/caseLoop';

/** The city's kecamatan, for the supervisors' filter (from the bundled places file). */
const kecamatanList = [...new Map(places.kelurahan.map((k) => [k.kecamatan.code, k.kecamatan])).values()];

// Leaflet arrives only when the server has a tile URL (MAP_TILES_URL) and the map is opened.
const CasesMap = lazy(() => import('./CasesMap'));

type Load = { kind: 'loading' } | { kind: 'error'; status: number } | { kind: 'ok'; cases: CaseSummary[]; next: string | null };

/** The agency's cases (supervisors: every agency's), filtered by stage; one opens in place. */
export function CasesTab({ staff, openCase, onOpenCase }: { staff: StaffProfile; openCase: string | null; onOpenCase: (id: string | null) => void }) {
  const t = useStaffT();
  const lang = useLang();
  const ids = { stage: useId(), agency: useId(), title: useId(), view: useId(), search: useId(), kecamatan: useId() };
  const [view, setView] = useState<CaseListView>('all');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [agency, setAgency] = useState('');
  const [kecamatan, setKecamatan] = useState('');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  const supervisor = staff.role === 'supervisor';
  const tilesUrl = useMapTiles();
  const [showMap, setShowMap] = useState(false);

  useEffect(() => {
    if (openCase) return;
    let live = true;
    setLoad({ kind: 'loading' });
    staffApi
      .cases({ stage: stage || undefined, agency: supervisor ? agency || undefined : undefined, limit: 50, view, q: query || undefined, kecamatan: kecamatan || undefined })
      .then(({ cases, next_cursor }) => live && setLoad({ kind: 'ok', cases, next: next_cursor ?? null }))
      .catch((e: unknown) => live && setLoad({ kind: 'error', status: e instanceof StaffApiError ? e.status : -1 }));
    return () => {
      live = false;
    };
  }, [stage, agency, supervisor, openCase, reloads, view, query, kecamatan]);

  // Keyset paging: the next page starts after the last case shown, however many there are.
  const more = async () => {
    if (load.kind !== 'ok' || !load.next) return;
    try {
      const page = await staffApi.cases({ stage: stage || undefined, agency: supervisor ? agency || undefined : undefined, limit: 50, view, q: query || undefined, kecamatan: kecamatan || undefined, cursor: load.next });
      setLoad({ kind: 'ok', cases: [...load.cases, ...page.cases], next: page.next_cursor ?? null });
    } catch (e) {
      setLoad({ kind: 'error', status: e instanceof StaffApiError ? e.status : -1 });
    }
  };

  const back = useCallback(() => onOpenCase(null), [onOpenCase]);
  if (openCase) return <CaseView id={openCase} onBack={back} />;

  return (
    <section className="console-section" aria-labelledby={ids.title}>
      <h3 id={ids.title} tabIndex={-1}>
        {t('casesTitle')}
      </h3>
      <div className="console-filters">
        <div className="field">
          <label htmlFor={ids.view}>{t('viewFilter')}</label>
          <select id={ids.view} value={view} onChange={(e) => setView(e.target.value as CaseListView)} data-filter="view">
            {CASE_VIEWS.map((v) => (
              <option key={v} value={v}>
                {CASE_VIEW_LABELS[v][lang]}
              </option>
            ))}
          </select>
        </div>
        <form
          className="field"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(search.trim());
          }}
        >
          <label htmlFor={ids.search}>{t('searchCases')}</label>
          <div className="input-with-button">
            <input id={ids.search} type="search" maxLength={200} value={search} onChange={(e) => setSearch(e.target.value)} data-filter="search" />
            <button type="submit" className="secondary-button">
              {t('searchSubmit')}
            </button>
          </div>
        </form>
        <div className="field">
          <label htmlFor={ids.stage}>{t('stageFilter')}</label>
          <select id={ids.stage} value={stage} onChange={(e) => setStage(e.target.value as Stage | '')} data-filter="stage">
            <option value="">{t('allStages')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_INFO[s].label[lang]}
              </option>
            ))}
          </select>
        </div>
        {supervisor && (
          <div className="field">
            <label htmlFor={ids.agency}>{t('agencyFilter')}</label>
            <select id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)}>
              <option value="">{t('allAgencies')}</option>
              {catalog.agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.short_name[lang]}
                </option>
              ))}
            </select>
          </div>
        )}
        {staff.role !== 'officer' && (
          <div className="field">
            <label htmlFor={ids.kecamatan}>{t('kecamatanFilter')}</label>
            <select id={ids.kecamatan} value={kecamatan} onChange={(e) => setKecamatan(e.target.value)} data-filter="kecamatan">
              <option value="">{t('allKecamatan')}</option>
              {kecamatanList.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" className="secondary-button" onClick={() => setReloads((n) => n + 1)}>
          {t('refresh')}
        </button>
      </div>
      {tilesUrl && (
        <button type="button" className="secondary-button" aria-expanded={showMap} onClick={() => setShowMap((v) => !v)} data-action="cases-map">
          {showMap ? t('casesMapHide') : t('casesMapShow')}
        </button>
      )}
      {tilesUrl && showMap && load.kind === 'ok' && (
        <Suspense fallback={null}>
          <CasesMap tilesUrl={tilesUrl} cases={load.cases} onOpen={(id) => onOpenCase(id)} />
        </Suspense>
      )}
      <div aria-live="polite" aria-busy={load.kind === 'loading'}>
        {load.kind === 'loading' && <p className="hint">{t('casesLoading')}</p>}
        {load.kind === 'error' && (
          <p className="form-error" role="alert">
            {load.status === 401 ? t('sessionEnded') : t('casesFailed', { status: load.status })}
          </p>
        )}
        {load.kind === 'ok' && load.cases.length === 0 && <p className="hint">{t('casesEmpty')}</p>}
      </div>
      {load.kind === 'ok' && load.cases.length > 0 && (
        <ul className="case-list">
          {load.cases.map((c) => {
            const st = c.stage ?? 'received';
            return (
              <li key={c.service_request_id}>
                <button type="button" className="case-item" data-case={c.service_request_id} onClick={() => onOpenCase(c.service_request_id)}>
                  <span className="case-id">{c.service_request_id}</span>
                  <span className={`case-stage case-stage--${STAGE_INFO[st].status}`}>{STAGE_INFO[st].label[lang]}</span>
                  <span className="case-service">{c.service_name}</span>
                  <span className="case-meta">
                    {formatCityDate(c.requested_datetime, lang)}
                    {c.has_personal_data ? ` · ${t('hasPersonal')}` : ''}
                    {c.reopened ? ` · ${t('badgeReopened')}` : ''}
                    {c.overdue ? ` · ${t('badgeOverdue')}` : ''}
                    {c.people_affected !== undefined && c.people_affected > 1 ? ` · ${t('peopleAffected', { count: c.people_affected })}` : ''}
                  </span>
                  {c.snippet && <span className="case-snippet">{c.snippet}</span>}
                  {c.location && <span className="case-meta">{c.location}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {load.kind === 'ok' && load.next && (
        <button type="button" className="secondary-button" onClick={() => void more()} data-action="load-more">
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
