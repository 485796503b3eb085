import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, driven headless; WebGL goes through SwiftShader (no GPU here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium's fake microphone (a beep) and an automatic "Allow" on its permission prompt. */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/**
 * Headless Chromium; `extraArgs` adds flags (e.g. FAKE_MEDIA_ARGS for voice tests). Under vitest,
 * without extra flags, this connects to the worker's Chromium that tests/helpers/globalSetup.ts
 * launched once for the run (close() then only disconnects, closing this file's contexts).
 */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  if (!options.extraArgs?.length) {
    const endpoint = await sharedChromium();
    if (endpoint) return chromium.connect(endpoint);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])], headless: true });
}

/** The shared Chromium of this vitest worker, if any (never outside vitest: benches, scripts). */
async function sharedChromium(): Promise<string | undefined> {
  const pool = Number(process.env.VITEST_POOL_ID);
  if (!process.env.VITEST || !pool) return undefined;
  const { inject } = await import('vitest');
  return (inject('chromiumEndpoints') as string[] | undefined)?.[pool - 1];
}

/** Demo passwords are random at each start; e2e servers fix theirs with DEMO_PASSWORD. */
export const E2E_DEMO_PASSWORD = 'e2e-demo-password';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Marks the first-visit guide seen (src/client/ui/guideSeen.ts) before the app starts. */
const GUIDE_SEEN_SCRIPT = "try { localStorage.setItem('makaverse.guideSeen', '1') } catch {}";

/**
 * A fresh context (own storage, own IndexedDB outbox) and page; browser errors are collected.
 * The first-visit guide is marked seen unless `guide: true` (it would cover what tests click).
 */
export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; mobile?: boolean; permissions?: string[]; guide?: boolean; reducedMotion?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    permissions: options.permissions ?? [],
    // Animated buttons are never "stable" to a slow machine's clicks.
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  if (!options.guide) await context.addInitScript(GUIDE_SEEN_SCRIPT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}
