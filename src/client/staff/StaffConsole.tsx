import { places } from '../forms/places';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { catalog } from '../catalog';
import { useLang } from '../i18n';
import { useStaffT, type StaffTranslate } from '../i18n/useStaffT';
import type { StaffMessageKey } from '../i18n/staffDictionary';
import { useHall } from '../net/hallStore';
import { useAppStore } from '../state';
import { CasesTab } from './CasesTab';
import { MailStatus } from './MailStatus';
import { FileTab } from './FileTab';
import { HallEvents } from './HallEvents';
import { SecurityNotices } from './SecurityNotices';
import { QueueTab } from './QueueTab';
import { staffApi } from '../api/staffApi';
import { VisitorsTab } from './VisitorsTab';

type Tab = 'queue' | 'cases' | 'file' | 'visitors';
const LABELS: Record<Tab, StaffMessageKey> = { queue: 'tabQueue', cases: 'tabCases', file: 'tabFile', visitors: 'tabVisitors' };

/** Signs out: the session ends on the server, the page leaves the hall and returns to the citizens' welcome. */
async function logout(): Promise<void> {
  await staffApi.logout().catch(() => undefined);
  await useHall.getState().disconnect();
  history.replaceState(null, '', '/');
  const store = useAppStore.getState();
  store.setStaff(null);
  store.setMode('welcome');
}

function roleText(t: StaffTranslate, role: string, agency: string | null, lang: 'id' | 'en', area?: string | null): string {
  if (role === 'supervisor') return t('role_supervisor');
  if (role === 'area') {
    const kelurahan = area ? places.byCode.get(area) : undefined;
    const kecamatan = area ? places.kelurahan.find((k) => k.kecamatan.code === area)?.kecamatan : undefined;
    return t('role_area', { area: kelurahan ? `Kel. ${kelurahan.name}` : kecamatan ? `Kec. ${kecamatan.name}` : (area ?? '') });
  }
  const a = catalog.agencies.find((x) => x.code === agency);
  return t('role_officer', { agency: a?.short_name[lang] ?? agency ?? '' });
}

/** "Name · role", or just the name when it already says the role (demo accounts do). */
function who(t: StaffTranslate, name: string, role: string): string {
  return name.toLowerCase() === role.toLowerCase() ? name : t('signedInAs', { name, role });
}

/**
 * The staff console beside the hall: the counter's queue and chat, the agency's cases, filing
 * on a citizen's behalf, and (supervisors) the visitors. Tabs follow the ARIA tabs pattern;
 * on phones the console collapses to a bar.
 */
export function StaffConsole() {
  const t = useStaffT();
  const lang = useLang();
  const ids = { title: useId(), panel: useId() };
  const { staff, open, setOpen } = useAppStore(useShallow((s) => ({ staff: s.staff, open: s.consoleOpen, setOpen: s.setConsoleOpen })));
  const supervisor = staff?.role === 'supervisor';
  // An area officer (camat, lurah) serves no counter and files for no agency: cases only.
  const tabs: Tab[] = supervisor ? ['queue', 'cases', 'file', 'visitors'] : staff?.role === 'area' ? ['cases'] : ['queue', 'cases', 'file'];
  const [tab, setTab] = useState<Tab>(staff?.role === 'area' ? 'cases' : 'queue');
  const [openCase, setOpenCase] = useState<string | null>(null);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  if (!tabs.includes(tab)) setTab(tabs[0]);

  useEffect(() => {
    document.body.classList.add('has-staff-console');
    return () => document.body.classList.remove('has-staff-console');
  }, []);
  useEffect(() => {
    document.body.classList.toggle('staff-console-collapsed', !open);
  }, [open]);

  const showCase = useCallback((id: string) => {
    setOpenCase(id);
    setTab('cases');
  }, []);

  if (!staff) return null;

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[tabs.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <aside className={`staff-console${open ? '' : ' staff-console--collapsed'}`} aria-labelledby={ids.title} data-staff-console>
      <div className="console-head">
        <div className="console-who">
          <h2 id={ids.title}>{t('console')}</h2>
          <p className="console-user">{who(t, staff.display_name, roleText(t, staff.role, staff.agency_code, lang, staff.area_code))}</p>
        </div>
        <button
          type="button"
          className="secondary-button console-toggle"
          aria-expanded={open}
          aria-controls={ids.panel}
          aria-label={open ? t('consoleHide') : t('consoleShow')}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
        </button>
        <button type="button" className="secondary-button" onClick={() => void logout()} data-action="logout">
          {t('logout')}
        </button>
      </div>
      <HallEvents />
      <div className="console-body" id={ids.panel} hidden={!open}>
        <MailStatus />
        {supervisor && <SecurityNotices />}
        <div className="console-tabs" role="tablist" aria-label={t('tabsLabel')}>
          {tabs.map((key) => (
            <button
              key={key}
              ref={(el) => {
                tabRefs.current[key] = el;
              }}
              type="button"
              role="tab"
              id={`${ids.panel}-tab-${key}`}
              aria-selected={tab === key}
              aria-controls={`${ids.panel}-panel`}
              tabIndex={tab === key ? 0 : -1}
              data-tab={key}
              onClick={() => setTab(key)}
              onKeyDown={onTabKey}
            >
              {t(LABELS[key])}
            </button>
          ))}
        </div>
        <div className="console-panel" role="tabpanel" tabIndex={0} id={`${ids.panel}-panel`} aria-labelledby={`${ids.panel}-tab-${tab}`}>
          {tab === 'queue' && <QueueTab staff={staff} />}
          {tab === 'cases' && <CasesTab staff={staff} openCase={openCase} onOpenCase={setOpenCase} />}
          {tab === 'file' && <FileTab staff={staff} onOpenCase={showCase} />}
          {tab === 'visitors' && supervisor && <VisitorsTab />}
        </div>
      </div>
    </aside>
  );
}
