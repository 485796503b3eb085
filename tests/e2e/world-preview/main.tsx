/**
 * A harness that mounts the 3D world alone (no DOM UI) for screenshots and e2e checks.
 * Query: ?visitors=50&lang=en&panel=1 (controls disabled)&bubbles=1&duty=1 (all on duty)
 * &remote=30 (fake network visitors, one officer at Loket 1)&names=1 (officer name plates)
 * &open=right|bottom (a panel covers the world; the harness draws a grey stand-in)&at=general (start at that desk).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { catalog } from '../../../src/client/catalog';
import { loadHallScene } from '../../../src/client/world/hall/layout';
import { panelInsets, type PanelSide } from '../../../src/client/world/camera/panelFraming';
import { World } from '../../../src/client/world/World';
import { isLang } from '../../../src/shared/i18n';
import { startFakeRemote } from './fakeRemote';

const q = new URLSearchParams(location.search);
const lang = isLang(q.get('lang')) ? (q.get('lang') as 'id' | 'en') : 'id';
const visitors = Number(q.get('visitors') ?? '0');
const remote = Number(q.get('remote') ?? '0');
const open = q.get('open') === 'right' || q.get('open') === 'bottom' ? (q.get('open') as PanelSide) : null;
const at = q.get('at');
const hud = document.getElementById('hud')!;
const log = (line: string) => {
  hud.textContent = line;
  (window as unknown as { __previewLog: string[] }).__previewLog.push(line);
};
(window as unknown as { __previewLog: string[] }).__previewLog = [];

const { geom } = loadHallScene(catalog.agencies);
if (remote > 0) startFakeRemote(geom, remote, 'general');

const OFFICERS = ['Andi Rahman', 'Nurul Hidayah', 'Sitti Marwah', 'Muh. Yusuf', 'Hasnawati', 'Ahmad Fauzi', 'Rosmini', 'Syahrir'];
const deskCodes = ['info', ...catalog.agencies.map((a) => a.code)];
/** names=1: three desks; names=all: every desk (the draw-call worst case). */
const names =
  q.get('names') === 'all'
    ? Object.fromEntries(deskCodes.map((c, i) => [c, OFFICERS[i % OFFICERS.length]]))
    : q.get('names') === '1'
      ? { general: 'Andi Rahman', disdukcapil: 'Nurul Hidayah', info: 'Sitti Marwah' }
      : undefined;
const allOnDuty = Object.fromEntries(deskCodes.map((c) => [c, 'on_duty' as const]));

/** Grey blocks where the app's header and panel would be, to judge the framing. */
function PanelStandIn({ side }: { side: PanelSide }) {
  const ins = panelInsets(side, innerWidth, innerHeight);
  const style =
    side === 'right'
      ? { top: ins.top, right: 12, bottom: 12, width: (ins.right ?? 0) - 24 }
      : { left: 0, right: 0, bottom: 0, height: ins.bottom };
  return (
    <>
      <div style={{ position: 'fixed', zIndex: 40, left: 0, right: 0, top: 0, height: ins.top, background: 'rgba(255,255,255,0.9)', borderBottom: '4px solid #c8202b' }} />
      <div style={{ position: 'fixed', zIndex: 40, background: 'rgba(40,44,52,0.82)', borderRadius: 16, ...style }} data-testid="panel-stand-in" />
    </>
  );
}

function Preview() {
  const [near, setNear] = useState<string | null>(null);
  const allDuty = q.get('duty') === '1';
  useEffect(() => {
    if (!at) return;
    const timer = setInterval(() => {
      const probe = window.__makaverseWorld;
      const spot = probe?.counters()[at];
      if (probe && spot && probe.teleport(spot.x, spot.z)) clearInterval(timer);
    }, 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <World
        lang={lang}
        avatar={{ color: '#e4572e', name: 'Daeng Ali' }}
        counterStatus={allDuty ? allOnDuty : { general: 'on_duty', disdukcapil: 'on_duty', info: 'on_duty', bapenda: 'on_duty', pu: 'on_duty' }}
        bubbles={
          q.get('bubbles') === '1'
            ? { info: 'Selamat datang di Balai Kota! Ambil nomor antrean di sini.', general: near === 'general' ? 'Ada yang bisa dibantu? Silakan isi formulir pengaduan di panel.' : undefined }
            : near
              ? { [near]: 'Halo! Ada yang bisa saya bantu?' }
              : {}
        }
        queueDisplay={{ disdukcapil: 'A-012', general: 'U-003', bapenda: 'B-027' }}
        controlsEnabled={q.get('panel') !== '1' && open === null}
        visitors={visitors}
        officerNames={names}
        panelOpen={open}
        onNearCounter={(code) => {
          setNear(code);
          log(`near: ${code ?? '-'}`);
        }}
        onInteract={(code) => log(`interact: ${code}`)}
        onReady={() => log('ready')}
      />
      {open && <PanelStandIn side={open} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
