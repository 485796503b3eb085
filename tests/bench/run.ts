/**
 * `npm run bench`: prints the figures the budgets in DESIGN.md are checked against.
 * BENCH_SECONDS sets how long each load runs (default 10); BENCH_ONLY=open311,client,world picks parts.
 */
import { benchOpen311 } from './open311';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = new Set((process.env.BENCH_ONLY ?? 'open311,client,world').split(','));

async function main(): Promise<void> {
  if (only.has('open311')) {
    console.log(`\n== Open311 on the embedded database (PGlite), 10 connections, ${seconds} s each ==`);
    console.table(await benchOpen311(seconds));
  }
  if (only.has('client') || only.has('world')) {
    const { benchClient } = await import('./client');
    await benchClient({ sizes: only.has('client'), world: only.has('world') });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
