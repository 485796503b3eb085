import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { record } from './figures';
import { drainageComplaint, startServer } from '../helpers/server';

/** Upload throughput with re-encoding: complaints with two 12-megapixel phone photos each, one after another. */
export async function benchPhotos(count = 15): Promise<Record<string, string | number>> {
  const s = await startServer();
  try {
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 85 })
      .withExif({ IFD0: { Make: 'BenchPhone' } })
      .toBuffer();
    let peakRss = process.memoryUsage().rss;
    const watch = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const form = new FormData();
      for (const [k, v] of Object.entries(drainageComplaint(s.apiKey))) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
      for (let p = 0; p < 2; p++) form.append('media', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `p${p}.jpg`);
      const res = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(watch);
    record('photos.upload.perSec', (count * 2) / seconds);
    record('photos.upload.peakRssMB', peakRss / 1024 / 1024);
    return {
      complaints: count,
      photos: count * 2,
      'photo size': `${(photo.length / 1024 / 1024).toFixed(1)} MB, 4000×3000`,
      'photos per second': Number(((count * 2) / seconds).toFixed(2)),
      'peak RSS (server and client in one process)': `${Math.round(peakRss / 1024 / 1024)} MB`,
    };
  } finally {
    await s.cleanup();
  }
}
