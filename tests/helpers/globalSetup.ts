import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { pgliteTemplate } from './pgliteTemplate';
import { buildServerIfStale } from '../../scripts/build-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One headless Chromium per vitest worker (index = VITEST_POOL_ID - 1), launched once for the run. */
    chromiumEndpoints: string[];
  }
}

/**
 * vitest globalSetup, before any test file:
 * - makes the migrated PGlite template database (tests/helpers/pgliteTemplate.ts) once, here,
 *   rather than in each worker's first server start (two at once at a cold start, inside a
 *   test's hook time);
 * - launches one Chromium per worker for the whole run, instead of one per test file;
 *   launchBrowser() in a worker connects to its own (same parallelism as before, one GPU
 *   process per worker). Each test file still works in fresh contexts, and its connection's
 *   contexts close when it disconnects. Without Chromium (a unit-only machine) nothing is
 *   shared and launchBrowser() launches (and fails) as before;
 * - compiles the server into dist/server once, which every spawned test server runs (spawnServer).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const servers: BrowserServer[] = [];
  const template = pgliteTemplate();
  const compiled = buildServerIfStale();
  try {
    for (let i = 0; i < workers; i += 1) servers.push(await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }));
  } catch (error) {
    console.warn(`shared Chromium not started, each test file launches its own: ${(error as Error).message.split('\n')[0]}`);
  }
  const closeAll = async () => {
    await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
  };
  await Promise.all([template, compiled]).catch(async (error) => {
    await closeAll();
    throw error;
  });
  project.provide('chromiumEndpoints', servers.map((s) => s.wsEndpoint()));
  return closeAll;
}
