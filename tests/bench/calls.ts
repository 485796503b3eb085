import type { Page } from 'playwright-core';
import { E2E_DEMO_PASSWORD, FAKE_MEDIA_ARGS, launchBrowser, newPage, PHONE } from '../e2e/browser';
import { signInStaff } from '../e2e/helpers';
import { removeDir, spawnServer, tempDir } from '../helpers/server';
import { record } from './figures';
import { cpuSeconds, EMBEDDED, percentile } from './process';

/**
 * Voice at the counter (issue 14): from the citizen pressing Talk (the officer answering at once)
 * to the officer's page receiving audio, the server's CPU per call, and the bytes the hall room
 * carries per call (signalling only) beside the audio bytes that go peer to peer. Two headless
 * Chromium pages with fake microphones; the server is the compiled one in its own process.
 * BENCH_CALLS sets the number of calls (default 3), BENCH_CALL_SECONDS each call's length (10).
 */
export async function benchCalls(): Promise<void> {
  const calls = Number(process.env.BENCH_CALLS ?? 3);
  const holdSeconds = Number(process.env.BENCH_CALL_SECONDS ?? 10);
  const dataDir = await tempDir('makaverse-calls-');
  const server = await spawnServer({ ...EMBEDDED, DATA_DIR: dataDir, DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD }, { compiled: true });
  const browser = await launchBrowser({ extraArgs: FAKE_MEDIA_ARGS });
  try {
    const officer = (await newPage(browser, { reducedMotion: true })).page;
    await signInStaff(officer, server.url, 'petugas.pu');
    const citizen = (await newPage(browser, { viewport: PHONE, mobile: true, reducedMotion: true })).page;
    await citizen.goto(`${server.url}/?mode=2d`);
    await citizen.locator('[data-counter="pu"] .status-badge[data-status="on_duty"]').waitFor({ timeout: 60_000 });
    await citizen.click('[data-counter="pu"]');
    await citizen.click('[data-action="queue-take"]');
    await officer.locator('[data-action="call-next"]:not([disabled])').click({ timeout: 60_000 });
    await citizen.locator('.chat').waitFor({ timeout: 60_000 });
    const wsBytes = await countHallBytes([citizen, officer]);

    const talkToAudio: number[] = [];
    const audioPerSec: number[] = [];
    let cpu = 0;
    let bytes = 0;
    for (let i = 0; i < calls; i += 1) {
      const cpu0 = cpuSeconds(server.child.pid!);
      const bytes0 = wsBytes.total;
      const t0 = performance.now();
      await citizen.click('[data-action="voice-talk"]');
      await officer.locator('[data-voice="ringingIn"] [data-action="voice-talk"]').click({ timeout: 30_000 });
      await waitUntil(async () => (await inboundBytes(officer)) > 0, 30_000);
      talkToAudio.push(performance.now() - t0);
      const before = await inboundBytes(citizen);
      await citizen.waitForTimeout(holdSeconds * 1000);
      audioPerSec.push(((await inboundBytes(citizen)) - before) / holdSeconds);
      await citizen.click('[data-action="voice-hangup"]');
      await officer.locator('[data-voice="ended"], [data-voice="idle"]').waitFor({ timeout: 30_000 });
      await citizen.waitForTimeout(300);
      cpu += cpuSeconds(server.child.pid!) - cpu0;
      bytes += wsBytes.total - bytes0;
    }
    const median = percentile([...talkToAudio].sort((a, b) => a - b), 50);
    console.log(`\n== Voice calls: ${calls} calls of ${holdSeconds} s, two headless Chromium pages with fake microphones ==`);
    console.table({
      'Talk → audio at the officer (median ms)': Math.round(median),
      'server CPU per call (ms)': Math.round((cpu / calls) * 1000),
      'hall room bytes per call (signalling, both sides)': Math.round(bytes / calls),
      'audio bytes/s one side received, peer to peer': Math.round(percentile([...audioPerSec].sort((a, b) => a - b), 50)),
    });
    record('calls.talkToAudioMs', median);
    record('calls.serverCpuMsPerCall', (cpu / calls) * 1000);
    record('calls.serverBytesPerCall', bytes / calls);
    record('calls.audioBytesPerSec', percentile([...audioPerSec].sort((a, b) => a - b), 50));
  } finally {
    await browser.close();
    server.child.kill('SIGKILL');
    await removeDir(dataDir);
  }
}

/** Bytes both ways on the pages' hall WebSockets (what the server relays), counted from now on through the DevTools protocol. */
async function countHallBytes(pages: Page[]): Promise<{ total: number }> {
  const counter = { total: 0 };
  for (const page of pages) await attachExisting(page, counter);
  return counter;
}

/** Counts frames of a page's already-open WebSockets through the DevTools protocol. */
async function attachExisting(page: Page, counter: { total: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string; opcode: number } }) => (counter.total += frameBytes(e.response)));
  cdp.on('Network.webSocketFrameSent', (e: { response: { payloadData: string; opcode: number } }) => (counter.total += frameBytes(e.response)));
}

/** A text frame's payload as sent; a binary one arrives base64-encoded. */
function frameBytes(frame: { payloadData: string; opcode: number }): number {
  return frame.opcode === 2 ? Math.floor((frame.payloadData.length * 3) / 4) : Buffer.byteLength(frame.payloadData);
}

function inboundBytes(page: Page): Promise<number> {
  return page.evaluate(async () => (await window.__makaverseCall!.inbound()).bytes);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('voice bench: no audio arrived');
    await new Promise((r) => setTimeout(r, 20));
  }
}
