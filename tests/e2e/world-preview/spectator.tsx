/**
 * The world's spectator views alone, for screenshots: ?view=overhead|tour&tour=pu (a desk)
 * &cycle=4 (the tour moves to the next desk every 4 s)&remote=30 (fake network visitors)&lang=en.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { catalog } from '../../../src/client/catalog';
import { loadHallScene } from '../../../src/client/world/hall/layout';
import { World, type WorldView } from '../../../src/client/world/World';
import { isLang } from '../../../src/shared/i18n';
import { startFakeRemote } from './fakeRemote';

const q = new URLSearchParams(location.search);
const lang = isLang(q.get('lang')) ? (q.get('lang') as 'id' | 'en') : 'id';
const view = (q.get('view') === 'tour' ? 'tour' : 'overhead') as WorldView;
const cycle = Number(q.get('cycle') ?? '0');
const { layout, geom } = loadHallScene(catalog.agencies);
if (Number(q.get('remote') ?? '0') > 0) startFakeRemote(geom, Number(q.get('remote')), 'general');

const onDuty = ['general', 'disdukcapil', 'pu', 'dlh'];
const status = Object.fromEntries(onDuty.map((c) => [c, 'on_duty' as const]));
const names: Record<string, string> = { general: 'Andi Rahman', disdukcapil: 'Nurul Hidayah', pu: 'Petugas Dinas PU', dlh: 'Sitti Marwah' };
const queues: Record<string, number> = { general: 2, disdukcapil: 5, pu: 3, dlh: 0 };
const boards = Object.fromEntries(
  catalog.agencies.map((a) => {
    const desk = layout.desks.find((d) => d.code === a.code);
    const loket = desk?.kind === 'counter' ? desk.loket : 0;
    return [a.code, { title: `${loket} · ${a.short_name[lang]}`, detail: onDuty.includes(a.code) ? `${queues[a.code]} ${lang === 'id' ? 'antre' : 'in queue'}` : lang === 'id' ? 'MANDIRI' : 'SELF-SERVICE' }];
  }),
);
const desks = layout.desks.map((d) => d.code);

function Preview() {
  const [desk, setDesk] = useState<string | null>(q.get('tour'));
  useEffect(() => {
    if (!cycle) return;
    const id = setInterval(() => setDesk((d) => desks[(desks.indexOf(d ?? '') + 1) % desks.length]), cycle * 1000);
    return () => clearInterval(id);
  }, []);
  (window as unknown as { __setTourDesk: (d: string | null) => void }).__setTourDesk = setDesk;
  return (
    <World
      lang={lang}
      view={view}
      tourDesk={desk}
      counterStatus={status}
      officerNames={names}
      bubbles={{}}
      queueDisplay={{ disdukcapil: 'DIS-012', pu: 'PU-004' }}
      deskBoards={boards}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
