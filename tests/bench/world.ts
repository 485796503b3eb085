import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../e2e/browser';
import { enterHall } from '../e2e/helpers';
import { freePort, removeDir, ROOT, spawnServer, tempDir } from '../helpers/server';
import { PART_NAMES } from '../../src/client/world/parts';
import { BotPool } from './botPool';
import { record } from './figures';
import { chromiumCpu, EMBEDDED, MANY_FROM_ONE_ADDRESS, percentile } from './process';

const BARE_DIR = join(ROOT, '.tmp/bench-bare');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the reference page (tests/bench/bare-scene) with the app's Vite and React. */
async function buildBareScene(): Promise<void> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: join(ROOT, 'tests/bench/bare-scene'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: BARE_DIR, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
}

/** A static file server for the built reference page. */
async function serveBareScene(): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = normalize(join(BARE_DIR, decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/\/$/, '/index.html')));
    if (!path.startsWith(BARE_DIR) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

/**
 * Notes, in the page's own clock, when a form is submitted ("Masuk") and when the first
 * element gets data-ready (the hall's canvas after its first full frame; the reference's body).
 */
const READY_SCRIPT = `
  document.addEventListener('submit', () => { window.__submitAt ??= performance.now(); }, true);
  new MutationObserver((changes, observer) => {
    if (changes.some((c) => c.attributeName === 'data-ready')) { window.__readyAt = performance.now(); observer.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
`;

/**
 * Frame intervals over `ms`, measured with requestAnimationFrame (a string: tsx would wrap a
 * function's helpers in __name()), and the CPU milliseconds Chromium's GPU process and
 * renderers spent per frame meanwhile.
 */
async function sampleFrames(page: Page, ms: number): Promise<{ frames: number[]; gpuMsPerFrame: number; rendererMsPerFrame: number }> {
  const before = chromiumCpu();
  const frames = await intervals(page, ms);
  const after = chromiumCpu();
  return { frames, gpuMsPerFrame: ((after.gpu - before.gpu) * 1000) / frames.length, rendererMsPerFrame: ((after.renderer - before.renderer) * 1000) / frames.length };
}

function intervals(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    const until = last + ${ms};
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (now < until) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
}

interface Load {
  firstFrameMs: number;
  frames: number[];
  gpuMsPerFrame: number;
  rendererMsPerFrame: number;
  /** The hall only. */
  sinceMasukMs?: number;
  stats?: Record<string, number>;
  remote?: number;
  dpr: number;
}

type Viewport = { name: string; key: string; width: number; height: number; mobile: boolean };

/** Into the hall as a citizen, through the welcome page and the avatar sheet, until its first full frame. */
async function openHall(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await enterHall(page);
  await page.waitForSelector('.world-canvas[data-ready]', { timeout: 180_000 });
}

/** The reference page at a pixel ratio, until its first frame. */
async function openBare(page: Page, url: string, dpr: number): Promise<void> {
  await page.goto(`${url}?dpr=${dpr}`);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
}

async function loadHall(browser: Browser, url: string, vp: Viewport, sampleMs: number, shot?: string): Promise<Load> {
  const { page, context } = await newPage(browser, { viewport: { width: vp.width, height: vp.height }, mobile: vp.mobile });
  try {
    await context.addInitScript(READY_SCRIPT);
    await openHall(page, url);
    const at = (await page.evaluate('[window.__readyAt, window.__submitAt]')) as [number, number];
    // Let the remote visitors arrive and settle, then sample.
    await page.waitForTimeout(3000);
    const sampled = await sampleFrames(page, sampleMs);
    const stats = (await page.evaluate('window.__makaverseWorld.stats()')) as Record<string, number>;
    const remote = (await page.evaluate('window.__makaverseWorld.remoteCount ? window.__makaverseWorld.remoteCount() : NaN')) as number;
    if (shot) await page.screenshot({ path: shot });
    const dpr = (await page.evaluate(`(() => { const c = document.querySelector('.world-canvas canvas'); return c ? c.width / c.clientWidth : devicePixelRatio; })()`)) as number;
    return { firstFrameMs: at[0], sinceMasukMs: at[0] - at[1], ...sampled, stats, remote, dpr };
  } finally {
    await context.close();
  }
}

/**
 * Only the first frame, hall then reference: navigation → the hall's first full frame (and
 * since the avatar sheet), navigation → the bare scene's first frame.
 */
async function firstFrames(browser: Browser, hallUrl: string, bareUrl: string, vp: Viewport, dpr: number): Promise<{ hall: number; sinceMasuk: number; bare: number }> {
  const open = async (go: (page: Page) => Promise<void>) => {
    const { page, context } = await newPage(browser, { viewport: { width: vp.width, height: vp.height }, mobile: vp.mobile });
    try {
      await context.addInitScript(READY_SCRIPT);
      await go(page);
      return (await page.evaluate('[window.__readyAt, window.__submitAt]')) as [number, number];
    } finally {
      await context.close();
    }
  };
  const [hall, submit] = await open((page) => openHall(page, hallUrl));
  const [bare] = await open((page) => openBare(page, bareUrl, dpr));
  return { hall, sinceMasuk: hall - submit, bare };
}

async function loadBare(browser: Browser, url: string, vp: Viewport, dpr: number, sampleMs: number): Promise<Load> {
  const { page, context } = await newPage(browser, { viewport: { width: vp.width, height: vp.height }, mobile: vp.mobile });
  try {
    await context.addInitScript(READY_SCRIPT);
    await openBare(page, url, dpr);
    const firstFrameMs = (await page.evaluate('window.__readyAt')) as number;
    await page.waitForTimeout(1000);
    return { firstFrameMs, ...(await sampleFrames(page, sampleMs)), dpr };
  } finally {
    await context.close();
  }
}

/**
 * Chromium's CPU (GPU process and renderers) per second of a page left standing: the hall with
 * the bots standing still and the player not moving, or the bare scene. `open` loads the page.
 */
async function idleCpu(browser: Browser, vp: Viewport, open: (page: Page) => Promise<void>, ms: number): Promise<number> {
  const { page, context } = await newPage(browser, { viewport: { width: vp.width, height: vp.height }, mobile: vp.mobile });
  try {
    await open(page);
    await page.waitForTimeout(3000);
    const before = chromiumCpu();
    await page.waitForTimeout(ms);
    const after = chromiumCpu();
    return ((after.gpu + after.renderer - before.gpu - before.renderer) * 1000 * 1000) / ms;
  } finally {
    await context.close();
  }
}

/**
 * Where a hall frame's time goes: the hall as loadHall opens it, with one part at a time not
 * drawn (world/parts.ts, hidden by layer through the probe), then none and all of them. Each
 * part's figure is what the GPU process saves per frame without it, against 'none' measured
 * in the same page. The savings add up to more than the whole: without a part the frames may
 * come at another rate (33 → 17 ms), and what is behind a hidden part shows instead.
 */
async function partCosts(browser: Browser, url: string, vp: Viewport, sampleMs: number): Promise<void> {
  const { page, context } = await newPage(browser, { viewport: { width: vp.width, height: vp.height }, mobile: vp.mobile });
  try {
    await openHall(page, url);
    await page.waitForTimeout(3000);
    const rows: Record<string, { 'GPU ms/frame': number; 'saved ms/frame': number | string; 'frame p50 (ms)': number; 'draw calls': number; meshes: number }> = {};
    let none = NaN;
    for (const part of ['none', ...PART_NAMES, 'all']) {
      const meshes = (await page.evaluate(`window.__makaverseWorld.hideParts(${JSON.stringify(part === 'none' ? [] : [part])})`)) as number;
      await page.waitForTimeout(500);
      const sampled = await sampleFrames(page, sampleMs);
      const calls = (await page.evaluate('window.__makaverseWorld.stats().calls')) as number;
      if (part === 'none') none = sampled.gpuMsPerFrame;
      const frames = [...sampled.frames].sort((a, b) => a - b);
      rows[part] = {
        'GPU ms/frame': +sampled.gpuMsPerFrame.toFixed(1),
        'saved ms/frame': part === 'none' ? '' : +(none - sampled.gpuMsPerFrame).toFixed(1),
        'frame p50 (ms)': Math.round(percentile(frames, 50)),
        'draw calls': calls,
        meshes,
      };
      record(`world.${vp.key}.parts.${part}.gpuCpuMsPerFrame`, sampled.gpuMsPerFrame);
    }
    console.log(`\n== ${vp.name}: the hall's GPU process CPU per frame without each part (the bots walking, ${sampleMs / 1000} s each) ==`);
    console.table(rows);
  } finally {
    await context.close();
  }
}

function summary(loads: Load[]) {
  const frames = loads.flatMap((l) => l.frames).sort((a, b) => a - b);
  const mean = (pick: (l: Load) => number) => loads.reduce((s, l) => s + pick(l), 0) / loads.length;
  return { p50: percentile(frames, 50), p95: percentile(frames, 95), count: frames.length, gpu: mean((l) => l.gpuMsPerFrame), renderer: mean((l) => l.rendererMsPerFrame) };
}

/**
 * The real app in headless Chromium (SwiftShader, no GPU) with `visitors` bots walking in the
 * hall at 10 Hz (in a child process), against a reference in the same browser: a bare
 * react-three-fiber scene, one lit box, the hall's Canvas settings, viewport and pixel ratio.
 * Hall and reference alternate BENCH_WORLD_ROUNDS times (default 2) per viewport; frames are
 * sampled for BENCH_WORLD_SECONDS (default 5) each; then BENCH_WORLD_FIRST_ROUNDS more times
 * (default 5) for the first frame only (its figures are medians over all these loads); BENCH_WORLD_VIEWPORTS=desktop,phone picks
 * viewports, BENCH_WORLD_PARTS=0 skips the cost of each part (partCosts), BENCH_WORLD_SHOTS=<folder> saves a screenshot of each hall (first round) and
 * BENCH_CLIENT_DIR serves another client build (another checkout's, for before/after). Prints the hall's figures as ratios to the
 * reference's: frame p50 and p95, and the first frame after navigation.
 */
export async function benchWorld(visitors = Number(process.env.BENCH_WORLD_VISITORS ?? 50)): Promise<void> {
  const rounds = Number(process.env.BENCH_WORLD_ROUNDS ?? 2);
  const firstRounds = Number(process.env.BENCH_WORLD_FIRST_ROUNDS ?? 5);
  const sampleMs = Number(process.env.BENCH_WORLD_SECONDS ?? 5) * 1000;
  await buildBareScene();
  const bare = await serveBareScene();
  const dataDir = await tempDir('makaverse-world-');
  const server = await spawnServer({ ...EMBEDDED, ...MANY_FROM_ONE_ADDRESS, DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', ...(process.env.BENCH_CLIENT_DIR ? { CLIENT_DIR: process.env.BENCH_CLIENT_DIR } : {}) }, { compiled: true });
  const browser = await launchBrowser();
  const pool = new BotPool(1);
  try {
    if (visitors > 0) await pool.join(visitors, { endpoints: [`${server.url.replace(/^http/, 'ws')}/rooms`], spread: true, namePrefix: 'Warga ' });
    const viewports = (process.env.BENCH_WORLD_VIEWPORTS ?? 'desktop,phone').split(',');
    const chosen = [
      { name: 'desktop 1280×800', key: 'desktop', width: 1280, height: 800, mobile: false },
      { name: 'phone 390×844', key: 'phone', width: 390, height: 844, mobile: true },
    ].filter((v) => viewports.includes(v.key));
    // A hall where nothing moves (the bots stand where they joined): what it costs to leave it open.
    for (const vp of chosen) {
      const hall = await idleCpu(browser, vp, (page) => openHall(page, server.url), sampleMs);
      const bareIdle = await idleCpu(browser, vp, (page) => openBare(page, bare.url, 1), sampleMs);
      console.log(`\n${vp.name}, nothing moving (${visitors} bots standing): Chromium CPU ${Math.round(hall)} ms per second in the hall, ${Math.round(bareIdle)} ms in the bare scene (drawing at the display rate)`);
      record(`world.${vp.key}.idleCpuMsPerSecond`, hall);
      record(`world.${vp.key}.bareIdleCpuMsPerSecond`, bareIdle);
      record(`world.${vp.key}.idleCpuRatio`, hall / bareIdle);
    }
    // They walk until the pool closes.
    if (visitors > 0) pool.walk(24 * 3600).catch(() => undefined);
    for (const vp of chosen) {
      const halls: Load[] = [];
      const bares: Load[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const shot = process.env.BENCH_WORLD_SHOTS && round === 0 ? join(process.env.BENCH_WORLD_SHOTS, `hall-${vp.key}.png`) : undefined;
        halls.push(await loadHall(browser, server.url, vp, sampleMs, shot));
        bares.push(await loadBare(browser, bare.url, vp, halls[halls.length - 1].dpr, sampleMs));
      }
      // More first frames than full rounds: a single load moves by ±100 ms on this machine.
      const firsts = { hall: halls.map((l) => l.firstFrameMs), sinceMasuk: halls.map((l) => l.sinceMasukMs ?? NaN), bare: bares.map((l) => l.firstFrameMs) };
      for (let round = 0; round < firstRounds; round += 1) {
        const f = await firstFrames(browser, server.url, bare.url, vp, halls[halls.length - 1].dpr);
        firsts.hall.push(f.hall);
        firsts.sinceMasuk.push(f.sinceMasuk);
        firsts.bare.push(f.bare);
      }
      const median = (list: number[]) => percentile([...list].sort((x, y) => x - y), 50);
      const h = { ...summary(halls), first: median(firsts.hall) };
      const b = { ...summary(bares), first: median(firsts.bare) };
      const last = halls[halls.length - 1];
      const sinceMasuk = median(firsts.sinceMasuk);
      console.log(`\n== 3D hall vs a bare R3F scene (one lit box), headless Chromium (SwiftShader, no GPU), ${vp.name}, pixel ratio ${last.dpr}, ${visitors} bot visitors, ${rounds} round(s), first frame over ${firsts.hall.length} ==`);
      console.table({
        'frame time p50 (ms)': { hall: Math.round(h.p50), bare: Math.round(b.p50), ratio: +(h.p50 / b.p50).toFixed(2) },
        'frame time p95 (ms)': { hall: Math.round(h.p95), bare: Math.round(b.p95), ratio: +(h.p95 / b.p95).toFixed(2) },
        'first frame since navigation (ms)': { hall: Math.round(h.first), bare: Math.round(b.first), ratio: +(h.first / b.first).toFixed(2) },
        'GPU process CPU per frame (ms)': { hall: Math.round(h.gpu), bare: Math.round(b.gpu), ratio: +(h.gpu / b.gpu).toFixed(2) },
        'renderer CPU per frame (ms)': { hall: Math.round(h.renderer), bare: Math.round(b.renderer), ratio: +(h.renderer / b.renderer).toFixed(2) },
        'frames sampled': { hall: h.count, bare: b.count, ratio: '' },
      });
      console.log(`hall: first 3D frame ${Math.round(sinceMasuk)} ms after "Masuk"; ${last.stats?.calls} draw calls, ${last.stats?.triangles} triangles, ${last.remote} remote visitors drawn`);
      if (process.env.BENCH_WORLD_PARTS !== '0') await partCosts(browser, server.url, vp, Math.min(sampleMs, 3000));
      const k = `world.${vp.key}`;
      record(`${k}.frameP50Ms`, h.p50);
      record(`${k}.frameP95Ms`, h.p95);
      record(`${k}.firstFrameMs`, h.first);
      record(`${k}.firstFrameAfterMasukMs`, sinceMasuk);
      record(`${k}.bareFrameP50Ms`, b.p50);
      record(`${k}.bareFrameP95Ms`, b.p95);
      record(`${k}.bareFirstFrameMs`, b.first);
      record(`${k}.frameP50Ratio`, h.p50 / b.p50);
      record(`${k}.frameP95Ratio`, h.p95 / b.p95);
      record(`${k}.firstFrameRatio`, h.first / b.first);
      record(`${k}.gpuCpuMsPerFrame`, h.gpu);
      record(`${k}.bareGpuCpuMsPerFrame`, b.gpu);
      record(`${k}.gpuCpuPerFrameRatio`, h.gpu / b.gpu);
      record(`${k}.rendererCpuMsPerFrame`, h.renderer);
      record(`${k}.bareRendererCpuMsPerFrame`, b.renderer);
      record(`${k}.pixelRatio`, last.dpr);
      record(`${k}.drawCalls`, last.stats?.calls ?? NaN);
      record(`${k}.triangles`, last.stats?.triangles ?? NaN);
      record(`${k}.remoteVisitorsDrawn`, last.remote ?? NaN);
    }
  } finally {
    await pool.close();
    await browser.close();
    bare.server.close();
    if (server.child.exitCode === null) {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    await removeDir(dataDir);
  }
}
