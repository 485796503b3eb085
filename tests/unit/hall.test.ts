import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, SceneError } from '../../src/shared/catalog';
import {
  checkHallAgainstAgencies,
  clampToWalkable,
  hallGeometry,
  INFO_DESK_CODE,
  isWalkable,
  nearestSpot,
  parseHallLayout,
  resolveMove,
  type HallLayout,
} from '../../src/shared/hall';

const root = join(import.meta.dirname, '..', '..');
const hallJson: unknown = JSON.parse(readFileSync(join(root, 'scenes/hall.json'), 'utf8'));
const agencyFiles = Object.fromEntries(
  readdirSync(join(root, 'scenes/agencies'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [`scenes/agencies/${f}`, JSON.parse(readFileSync(join(root, 'scenes/agencies', f), 'utf8')) as unknown]),
);

const clone = (): Record<string, unknown> => structuredClone(hallJson) as Record<string, unknown>;

describe('scenes/hall.json', () => {
  const layout = parseHallLayout(hallJson);
  const geom = hallGeometry(layout);

  it('parses, with one info desk and unique loket numbers', () => {
    const infos = layout.desks.filter((d) => d.kind === 'info');
    expect(infos.map((d) => d.code)).toEqual([INFO_DESK_CODE]);
    const lokets = layout.desks.flatMap((d) => (d.kind === 'counter' ? [d.loket] : []));
    expect(new Set(lokets).size).toBe(lokets.length);
    expect(Math.min(...lokets)).toBe(1);
  });

  it('places every catalog agency, the general counter as loket 1 near the entrance', () => {
    const catalog = buildCatalog(agencyFiles);
    expect(catalog.agencies.length).toBeGreaterThan(0);
    expect(() => checkHallAgainstAgencies(layout, catalog.agencies.map((a) => a.code))).not.toThrow();
    for (const agency of catalog.agencies) {
      expect(layout.desks.some((d) => d.kind === 'counter' && d.code === agency.code), agency.code).toBe(true);
    }
    const general = catalog.agencies.find((a) => a.general);
    const slot = layout.desks.find((d) => d.code === general?.code);
    expect(slot?.kind === 'counter' && slot.loket).toBe(1);
    expect(slot && slot.z).toBeGreaterThan(layout.size.depth / 4);
  });

  it('puts every service spot on walkable floor and the spawn outside any approach radius', () => {
    for (const s of geom.spotList) expect(isWalkable(geom, s.x, s.z), s.code).toBe(true);
    expect(isWalkable(geom, layout.spawn.x, layout.spawn.z)).toBe(true);
    expect(nearestSpot(geom, layout.spawn.x, layout.spawn.z)).toBeNull();
  });

  it('reports the desk whose approach radius a point is in', () => {
    const s = geom.spots.disdukcapil;
    expect(nearestSpot(geom, s.x, s.z)).toBe('disdukcapil');
    expect(nearestSpot(geom, s.x + s.frontX * (layout.approachRadius + 0.5), s.z + s.frontZ * (layout.approachRadius + 0.5))).toBeNull();
  });

  it('clamps to the walls', () => {
    const r = layout.playerRadius;
    expect(clampToWalkable(geom, 1000, -1000)).toEqual({ x: layout.size.width / 2 - r, z: -layout.size.depth / 2 + r });
    expect(clampToWalkable(geom, 1, 2)).toEqual({ x: 1, z: 2 });
  });

  it('stops a walk at a counter and never enters its staff area', () => {
    const s = geom.spots.bapenda;
    // Walk straight at the back-wall counter from its service spot.
    let p = { x: s.x, z: s.z };
    for (let i = 0; i < 100; i++) p = resolveMove(geom, p, { x: p.x - s.frontX * 0.1, z: p.z - s.frontZ * 0.1 });
    expect(isWalkable(geom, p.x, p.z)).toBe(true);
    const desk = layout.desks.find((d) => d.code === 'bapenda')!;
    // Stopped just in front of the desk: centre + half depth + radius.
    expect(Math.abs(p.z - desk.z)).toBeCloseTo(0.45 + layout.playerRadius, 3);
  });

  it('slides along an obstacle instead of sticking to it', () => {
    const s = geom.spots.bapenda;
    const p = { x: s.x, z: s.z - 0.4 }; // touching the desk front (spot is 1.2 m from its centre)
    const next = resolveMove(geom, resolveMove(geom, p, { x: p.x, z: p.z - 0.5 }), { x: p.x + 0.5, z: p.z - 0.5 });
    expect(next.x).toBeCloseTo(p.x + 0.5, 5);
    expect(isWalkable(geom, next.x, next.z)).toBe(true);
  });

  it('does not tunnel through an obstacle on a long step', () => {
    const s = geom.spots.dinsos;
    const end = resolveMove(geom, { x: s.x, z: s.z }, { x: s.x - s.frontX * 30, z: s.z - s.frontZ * 30 });
    expect(isWalkable(geom, end.x, end.z)).toBe(true);
    expect(nearestSpot(geom, end.x, end.z)).toBe('dinsos');
  });

  it('writes into `out` without allocating', () => {
    const out = { x: 0, z: 0 };
    expect(resolveMove(geom, { x: 0, z: 10 }, { x: 0.1, z: 10 }, undefined, out)).toBe(out);
  });
});

describe('a bad hall file', () => {
  it('names the file and field', () => {
    const bad = clone();
    (bad.desks as Record<string, unknown>[])[3].loket = 'three';
    expect(() => parseHallLayout(bad, 'scenes/hall.json')).toThrowError(/^scenes\/hall\.json: desks\[3\]\.loket: /);
  });

  it('rejects a duplicate loket number', () => {
    const bad = clone();
    const desks = bad.desks as Record<string, unknown>[];
    desks[4].loket = desks[3].loket;
    expect(() => parseHallLayout(bad)).toThrowError(/desks\[4\]\.loket: duplicate loket number/);
  });

  it('rejects a missing size with a SceneError', () => {
    const bad = clone();
    delete bad.size;
    let err: unknown;
    try {
      parseHallLayout(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SceneError);
    expect((err as SceneError).field).toBe('size');
  });

  it('names an agency without a counter, and a slot without an agency', () => {
    const layout = parseHallLayout(hallJson);
    const withoutDinsos: HallLayout = { ...layout, desks: layout.desks.filter((d) => d.code !== 'dinsos') };
    const codes = layout.desks.filter((d) => d.kind === 'counter').map((d) => d.code);
    expect(() => checkHallAgainstAgencies(withoutDinsos, codes)).toThrowError(/agency "dinsos" has no counter slot/);
    expect(() => checkHallAgainstAgencies(layout, codes.filter((c) => c !== 'pu'))).toThrowError(/desks\[\d+\]\.code: no agency "pu"/);
  });
});
