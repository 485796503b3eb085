/**
 * `npm run bench`: prints the figures the budgets in DESIGN.md are checked against.
 * BENCH_SECONDS sets how long each load runs (default 10); BENCH_ONLY=open311,rooms,client,world,kiosk,caseloop picks
 * parts; BENCH_VISITORS=50,200,500 the room sizes; BENCH_SOAK_SECONDS the kiosk soak (default 300).
 */
import { benchOpen311 } from './open311';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = new Set((process.env.BENCH_ONLY ?? 'open311,rooms,client,world,kiosk,caseloop').split(','));

async function main(): Promise<void> {
  if (only.has('open311')) {
    console.log(`\n== Open311 on the embedded database (PGlite), 10 connections, ${seconds} s each ==`);
    console.table(await benchOpen311(seconds));
  }
  if (only.has('rooms')) {
    const { benchRooms } = await import('./rooms');
    const sizes = (process.env.BENCH_VISITORS ?? '50,200,500').split(',').map(Number);
    console.log(`\n== Hall room: colyseus.js bots walking at 10 Hz, ${seconds} s each ==`);
    console.table(await benchRooms(sizes, seconds));
  }
  if (only.has('client') || only.has('world')) {
    const { benchClient } = await import('./client');
    await benchClient({ sizes: only.has('client'), world: only.has('world') });
  }
  if (only.has('kiosk')) {
    const { benchKiosk } = await import('./kiosk');
    await benchKiosk();
  }
  if (only.has('caseloop')) {
    const { benchCaseLoop } = await import('./caseLoop');
    await benchCaseLoop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
