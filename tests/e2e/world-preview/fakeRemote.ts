/**
 * Fake remote visitors for the preview: writes into `remoteVisitors` exactly as the hall
 * store does (metres, radians, `at` = performance.now(), version bumped on join/leave),
 * at the network's 10 Hz, so the world's interpolation and re-slotting are exercised.
 */
import { resolveMove, isWalkable, type HallGeometry, type Vec2 } from '../../../src/shared/hall';
import { remoteVisitors, type RemoteVisitor } from '../../../src/client/net/remoteVisitors';

const NAMES = [
  'Andi Baso', 'Nurul Hidayah', 'Muh. Ridwan', 'Sitti Aminah', 'Daeng Tata', 'Rahmawati', 'Irfan Saleh', 'Fitriani',
  'Syamsul Alam', 'Hasnah', 'Arif Rahman', 'Wahyuni', 'Ilham', 'Nur Aisyah', 'Bahtiar', 'Sri Wahyuni', 'Kamaruddin',
  'Asriani', 'Zulkifli', 'Hartati', 'Yusuf Kalla', 'Mega Sari', 'Abdul Haris', 'Rini', 'Fadli', 'Sulastri', 'Amir',
  'Darmawati', 'Taufik Hidayat', 'Ratna', 'Haerul', 'Marlina',
];
const COLORS = ['#e4572e', '#2e86ab', '#f6f1e8', '#6a4c93', '#1b998b', '#f2c14e', '#c0392b', '#34495e', '#8fbc8f', '#ff8fab'];

interface Walker {
  id: string;
  v: RemoteVisitor;
  tx: number;
  tz: number;
  wait: number;
  speed: number;
}

function mulberry(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts `n` fake visitors (plus an officer standing at `officerAt`'s desk); returns a stop function. */
export function startFakeRemote(geom: HallGeometry, n: number, officerAt: string | null): () => void {
  const rnd = mulberry(7);
  const walkers: Walker[] = [];
  let serial = 0;
  const pick = (w: Walker) => {
    for (let k = 0; k < 30; k++) {
      const b = geom.bounds;
      const x = b.minX + 1 + rnd() * (b.maxX - b.minX - 2);
      const z = b.minZ + 1 + rnd() * (b.maxZ - b.minZ - 2);
      if (isWalkable(geom, x, z, 0.3)) {
        w.tx = x;
        w.tz = z;
        return;
      }
    }
  };
  const add = () => {
    const i = serial++;
    const w: Walker = {
      id: `fake-${i}`,
      v: { name: NAMES[i % NAMES.length], color: COLORS[i % COLORS.length], role: 'citizen', x: 0, z: 0, h: 0, anim: 'idle', muted: false, at: performance.now() },
      tx: 0,
      tz: 0,
      wait: rnd() * 2,
      speed: 1 + rnd() * 1.6,
    };
    pick(w);
    w.v.x = w.tx;
    w.v.z = w.tz;
    pick(w);
    walkers.push(w);
    remoteVisitors.byId.set(w.id, w.v);
    remoteVisitors.version += 1;
  };
  for (let i = 0; i < n; i++) add();
  if (officerAt) {
    const s = geom.spots[officerAt];
    remoteVisitors.byId.set('fake-officer', { name: 'Petugas Loket', color: '#b9a073', role: 'officer', x: s.officerX, z: s.officerZ, h: 0, anim: 'idle', muted: false, at: performance.now() });
    remoteVisitors.version += 1;
  }

  const from: Vec2 = { x: 0, z: 0 };
  const to: Vec2 = { x: 0, z: 0 };
  const out: Vec2 = { x: 0, z: 0 };
  let ticks = 0;
  const timer = setInterval(() => {
    const dt = 0.1;
    const now = performance.now();
    for (const w of walkers) {
      const v = w.v;
      if (w.wait > 0) {
        w.wait -= dt;
        if (v.anim !== 'idle') {
          v.anim = 'idle';
          v.at = now;
        }
        continue;
      }
      const dx = w.tx - v.x;
      const dz = w.tz - v.z;
      const dist = Math.hypot(dx, dz);
      if (dist < 0.2) {
        w.wait = 1 + rnd() * 4;
        pick(w);
        continue;
      }
      const step = Math.min(dist, w.speed * dt);
      from.x = v.x;
      from.z = v.z;
      to.x = v.x + (dx / dist) * step;
      to.z = v.z + (dz / dist) * step;
      resolveMove(geom, from, to, 0.3, out);
      if (Math.hypot(out.x - v.x, out.z - v.z) < step * 0.3) pick(w);
      v.h = Math.atan2(out.x - v.x, out.z - v.z);
      v.x = out.x;
      v.z = out.z;
      v.anim = 'walk';
      v.at = now;
    }
    // Someone leaves and someone arrives every 5 s: the world re-slots.
    if (++ticks % 50 === 0 && walkers.length > 0) {
      const gone = walkers.splice(Math.floor(rnd() * walkers.length), 1)[0];
      remoteVisitors.byId.delete(gone.id);
      remoteVisitors.version += 1;
      add();
    }
  }, 100);
  return () => clearInterval(timer);
}
