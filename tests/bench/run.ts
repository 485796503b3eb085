/**
 * `npm run bench`: prints the figures the budgets in DESIGN.md are checked against, then one
 * line `BENCH_JSON {…}` with every figure under the names the README lists (tests/bench/figures.ts).
 * BENCH_SECONDS sets how long each load runs (default 10); BENCH_ONLY=server,routing,photos,open311,rooms,soak,client,world,firstMinute,kiosk,caseloop,calls
 * picks parts (calls: voice, issue 14; soak only when asked: BENCH_SOAK_MINUTES, default 10); BENCH_VISITORS=50,200,500 the room sizes; BENCH_SOAK_SECONDS the kiosk soak (default 300).
 * With REDIS_URL and DATABASE_URL set, the rooms part also runs two server processes with 1,000 visitors.
 */
import { benchJsonLine } from './figures';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const only = new Set((process.env.BENCH_ONLY ?? 'server,routing,photos,open311,rooms,client,world,firstMinute,kiosk,caseloop,calls').split(','));

async function main(): Promise<void> {
  if (only.has('server')) {
    const { benchServer } = await import('./server');
    console.log(`\n== The server as \`npm start\` runs it: start time and resident memory (after ${seconds} s of Open311 POSTs and 200 walking visitors) ==`);
    console.table(await benchServer(seconds));
  }
  if (only.has('routing')) {
    const { benchRouting } = await import('./routing');
    console.log('\n== Free-text routing (GET /api/route, the shared matcher) on tests/fixtures/route-labelled.tsv ==');
    console.table(benchRouting());
  }
  if (only.has('photos')) {
    const { benchPhotos } = await import('./photos');
    console.log('\n== Photo upload with re-encoding (Open311 multipart POST, sharp) ==');
    console.table(await benchPhotos());
  }
  if (only.has('open311')) {
    const { benchOpen311 } = await import('./open311');
    console.log(`\n== Open311 on the embedded database (PGlite), 10 connections, ${seconds} s each ==`);
    console.table(await benchOpen311(seconds));
  }
  if (only.has('rooms')) {
    const { benchRooms, benchRoomsTwoProcesses } = await import('./rooms');
    const sizes = (process.env.BENCH_VISITORS ?? '50,200,500').split(',').map(Number);
    console.log(`\n== Hall room: colyseus.js bots (in child processes) walking at 10 Hz, ${seconds} s each ==`);
    const rows = await benchRooms(sizes, seconds);
    const two = await benchRoomsTwoProcesses(seconds);
    if (two) rows.push(two);
    else console.log('(two processes with 1,000 visitors: set REDIS_URL and DATABASE_URL)');
    console.table(rows);
  }
  if (only.has('soak')) {
    const { benchSoak } = await import('./soak');
    const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
    console.log(`\n== Soak: the compiled server on PGlite for ${minutes} min, 100 visitors walking, 100 more in waves, Open311 POSTs and GETs; RSS every 10 s ==`);
    console.table(await benchSoak(minutes));
  }
  if (only.has('client') || only.has('world')) {
    const { benchClient } = await import('./client');
    await benchClient({ sizes: only.has('client'), world: only.has('world') });
  }
  if (only.has('firstMinute')) {
    const { benchFirstMinute } = await import('./firstMinute');
    await benchFirstMinute();
  }
  if (only.has('kiosk')) {
    const { benchKiosk } = await import('./kiosk');
    await benchKiosk();
  }
  if (only.has('calls')) {
    const { benchCalls } = await import('./calls');
    await benchCalls();
  }
  if (only.has('caseloop')) {
    const { benchCaseLoop } = await import('./caseLoop');
    await benchCaseLoop();
  }
}

main().then(
  () => {
    console.log(`\n${benchJsonLine()}`);
    // Bot processes and sockets that linger must not keep the bench from ending.
    process.exit(0);
  },
  (error) => {
    console.error(error);
    console.log(`\n${benchJsonLine()}`);
    process.exit(1);
  },
);
