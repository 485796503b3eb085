/**
 * A harness that mounts the 3D world alone (no DOM UI) for screenshots and e2e checks.
 * Query: ?visitors=50&lang=en&panel=1 (controls disabled)&bubbles=1&duty=1 (all on duty).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { World } from '../../../src/client/world/World';
import { isLang } from '../../../src/shared/i18n';

const q = new URLSearchParams(location.search);
const lang = isLang(q.get('lang')) ? (q.get('lang') as 'id' | 'en') : 'id';
const visitors = Number(q.get('visitors') ?? '0');
const hud = document.getElementById('hud')!;
const log = (line: string) => {
  hud.textContent = line;
  (window as unknown as { __previewLog: string[] }).__previewLog.push(line);
};
(window as unknown as { __previewLog: string[] }).__previewLog = [];

function Preview() {
  const [near, setNear] = useState<string | null>(null);
  const allDuty = q.get('duty') === '1';
  return (
    <World
      lang={lang}
      avatar={{ color: '#e4572e', name: 'Daeng Ali' }}
      counterStatus={allDuty ? {} : { general: 'on_duty', disdukcapil: 'on_duty', info: 'on_duty', bapenda: 'on_duty', pu: 'on_duty' }}
      bubbles={q.get('bubbles') === '1' ? { info: 'Selamat datang di Balai Kota! Ambil nomor antrean di sini.', general: near === 'general' ? 'Ada yang bisa dibantu?' : undefined } : near ? { [near]: 'Halo! Ada yang bisa saya bantu?' } : {}}
      queueDisplay={{ disdukcapil: 'A-012', general: 'U-003', bapenda: 'B-027' }}
      controlsEnabled={q.get('panel') !== '1'}
      visitors={visitors}
      onNearCounter={(code) => {
        setNear(code);
        log(`near: ${code ?? '-'}`);
      }}
      onInteract={(code) => log(`interact: ${code}`)}
      onReady={() => log('ready')}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
