import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of one process in MB, from /proc. */
export function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
}

/** The process and all its descendants (npm → sh → node …). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all: number[] = [];
  const visit = (p: number) => {
    all.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return all;
}

/** The server in a tree started through npm: the descendant holding the most memory. */
export function serverPid(root: number): number {
  return processTree(root).reduce((best, pid) => (rssMB(pid) > rssMB(best) ? pid : best), root);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Environment for a single server on the embedded database: REDIS_URL and DATABASE_URL (set
 * for the two-process bench) are emptied, which the server reads as unset.
 */
export const EMBEDDED: Record<string, string> = { DATABASE_URL: '', DATABASE_SCHEMA: '', REDIS_URL: '', PUBLIC_ADDRESS: '' };

/**
 * Every bench bot connects from 127.0.0.1, so the hall's per-address limits (50 seats, 60 joins
 * a minute: issue 11) would refuse all but the first 50 and the page being measured.
 */
export const MANY_FROM_ONE_ADDRESS: Record<string, string> = { HALL_SEATS_PER_ADDRESS: '100000', HALL_JOINS_PER_MINUTE: '100000' };

/**
 * CPU seconds used so far by this process's Chromium children, by kind: the GPU process (with
 * SwiftShader, all the rasterising) and the renderers (JavaScript, three.js). Unlike frame
 * times, CPU per frame hardly changes when other programs compete for the cores.
 */
export function chromiumCpu(): { gpu: number; renderer: number } {
  const out = { gpu: 0, renderer: 0 };
  for (const pid of processTree(process.pid)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=gpu-process')) out.gpu += cpuSeconds(pid);
      else if (cmd.includes('--type=renderer')) out.renderer += cpuSeconds(pid);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
