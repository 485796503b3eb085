import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type StartOptions, type TestServer } from '../helpers/server';
import { launchBrowser } from './browser';
import { assertClientBuilt } from './helpers';

/** The real server and a headless Chromium a describe block's tests share. */
export interface E2e {
  readonly srv: TestServer;
  readonly browser: Browser;
}

/**
 * Starts a server (own database) and Chromium before the block's tests and closes both
 * after them; read `e2e.srv` and `e2e.browser` inside the tests. `options` may be a function,
 * for settings that need an await (a port chosen in advance).
 */
export function useServerAndBrowser(options: StartOptions | (() => Promise<StartOptions>) = {}, browserOptions: { extraArgs?: string[] } = {}): E2e {
  const state: { srv?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    assertClientBuilt();
    // Both at once: the server's start (database, rooms) and Chromium's overlap.
    const [srv, browser] = await Promise.allSettled([(async () => startServer(typeof options === 'function' ? await options() : options))(), launchBrowser(browserOptions)]);
    if (srv.status === 'fulfilled') state.srv = srv.value;
    if (browser.status === 'fulfilled') state.browser = browser.value;
    if (srv.status === 'rejected') throw srv.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.srv?.cleanup();
  });
  return {
    get srv() {
      if (!state.srv) throw new Error('the server is not started yet (use e2e.srv inside a test)');
      return state.srv;
    },
    get browser() {
      if (!state.browser) throw new Error('the browser is not launched yet (use e2e.browser inside a test)');
      return state.browser;
    },
  };
}
