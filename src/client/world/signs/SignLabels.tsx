import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { AgencySummary } from '../../../shared/catalog';
import type { Desk } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { SIGN_HEIGHT, SIGN_Y, SIGN_Z, signWidth } from '../counters/buildDeskMesh';
import { fitFontSize } from './labels';
import type { SignReading, WorldRuntime } from '../runtime';

/** Below this height (CSS px) a sign's painted name is too small to read: a DOM label says it. */
export const READABLE_PX = 12;
/** The DOM fixtures over the world a label must not cover. */
const HUD = '.app-header, [data-testid="touch-joystick"], .hud-help, .take-me-to-button--hud, .near-prompt, .hall-notices, .notice, .pending-pill';
/** How often the labels move, ms (three display frames: they follow the camera closely enough, and cost little). */
const EVERY_MS = 48;
/** How often the page's layout (the canvas box, the HUD) is read again, ms: reading it forces a layout. */
const LAYOUT_EVERY_MS = 480;
const GAP = 4;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const hits = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

interface SignSpot {
  code: string;
  name: string;
  /** The painted name's centre, and the sign's facing (unit, horizontal). */
  centre: Vector3;
  normal: Vector3;
  /** The painted name's font size, metres. */
  em: number;
}

export interface SignLabelsProps {
  desks: readonly Desk[];
  agencies: ReadonlyMap<string, AgencySummary>;
  lang: Lang;
  /** Where the labels go: a DOM layer over the canvas. */
  layer: RefObject<HTMLDivElement | null>;
  runtime: WorldRuntime;
  /** false while a panel is open: no labels. */
  enabled: boolean;
}

const top = new Vector3();
const bottom = new Vector3();
const toCamera = new Vector3();

/**
 * Counter names readable from the hall's entrance on a phone (issue 17): the far signs' painted
 * names are a few pixels high there, so each sign whose name projects smaller than READABLE_PX
 * (or that faces away) gets a DOM label in the app's font over it. Labels never cover the
 * header or the HUD and never each other (the nearest sign wins a place). They are visual
 * only (aria-hidden): the counters are named to assistive tech by the take-me-to list and prompts.
 * Each sign's reading is written to `runtime.signs` for the tests' probe.
 */
export function SignLabels({ desks, agencies, lang, layer, runtime, enabled }: SignLabelsProps) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const spots = useMemo<SignSpot[]>(
    () =>
      desks.flatMap((d) => {
        const agency = agencies.get(d.code);
        if (!agency || d.kind === 'info') return [];
        const name = agency.short_name[lang];
        const r = (d.rotation * Math.PI) / 180;
        const lz = SIGN_Z + 0.05;
        const centre = new Vector3(d.x + Math.sin(r) * lz, SIGN_Y - SIGN_HEIGHT * 0.12, d.z + Math.cos(r) * lz);
        return [{ code: d.code, name, centre, normal: new Vector3(Math.sin(r), 0, Math.cos(r)), em: fitFontSize(name, signWidth(d.width) - 0.3, 0.34) }];
      }),
    [desks, agencies, lang],
  );
  const elements = useRef(new Map<string, HTMLSpanElement>());
  /** When the labels last moved and the layout was last read (performance.now()); frames come at the display's rate or at the idle beat (world/pacing.ts). */
  const moved = useRef(-Infinity);
  const laidOut = useRef(-Infinity);
  /** The canvas box and the HUD's rects, read every LAYOUT_EVERY_MS, not on every move. */
  const layout = useRef<{ box: Rect; blocked: Rect[] } | null>(null);
  /** Each label's size: its text is fixed (per language), so it is measured once. */
  const sizes = useRef(new Map<string, { w: number; h: number }>());

  useEffect(() => {
    const root = layer.current;
    if (!root) return;
    const made = new Map<string, HTMLSpanElement>();
    for (const s of spots) {
      const el = document.createElement('span');
      el.className = 'sign-label';
      el.dataset.sign = s.code;
      el.textContent = s.name;
      el.style.display = 'none';
      root.appendChild(el);
      made.set(s.code, el);
    }
    elements.current = made;
    sizes.current = new Map();
    layout.current = null;
    return () => {
      for (const el of made.values()) el.remove();
      runtime.signs = {};
    };
  }, [spots, layer, runtime]);

  useFrame(() => {
    const now = performance.now();
    if (now - moved.current < EVERY_MS) return;
    moved.current = now;
    const root = layer.current;
    if (!root) return;
    if (!layout.current || now - laidOut.current >= LAYOUT_EVERY_MS) {
      laidOut.current = now;
      layout.current = {
        box: root.getBoundingClientRect(),
        blocked: [...document.querySelectorAll(HUD)].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 1 && r.height > 1),
      };
    }
    const { box, blocked } = layout.current;
    const readings: Record<string, SignReading> = {};
    const candidates: { spot: SignSpot; x: number; y: number; distance: number }[] = [];
    for (const spot of spots) {
      top.copy(spot.centre).setY(spot.centre.y + spot.em / 2);
      bottom.copy(spot.centre).setY(spot.centre.y - spot.em / 2);
      const distance = toCamera.copy(camera.position).sub(spot.centre).length();
      const facing = toCamera.normalize().dot(spot.normal) > 0.2;
      top.project(camera);
      bottom.project(camera);
      const inFront = top.z < 1 && bottom.z < 1 && top.z > -1;
      const x = ((top.x + 1) / 2) * size.width + box.left;
      const yTop = ((1 - top.y) / 2) * size.height + box.top;
      const yBottom = ((1 - bottom.y) / 2) * size.height + box.top;
      const textPx = Math.abs(yBottom - yTop);
      const onScreen = inFront && x >= box.left && x <= box.right && yBottom >= box.top && yTop <= box.bottom;
      readings[spot.code] = { textPx: Math.round(textPx * 10) / 10, facing, onScreen, label: false, x, y: (yTop + yBottom) / 2 };
      if (enabled && onScreen && (textPx < READABLE_PX || !facing)) candidates.push({ spot, x, y: yTop, distance });
    }
    candidates.sort((a, b) => a.distance - b.distance);
    const placed: Rect[] = [];
    const shown = new Set<string>();
    for (const c of candidates) {
      const el = elements.current.get(c.spot.code);
      if (!el) continue;
      if (el.style.display === 'none') el.style.display = 'block';
      let measured = sizes.current.get(c.spot.code);
      if (!measured) {
        measured = { w: el.offsetWidth, h: el.offsetHeight };
        sizes.current.set(c.spot.code, measured);
      }
      const { w, h } = measured;
      const left = Math.min(Math.max(box.left + GAP, c.x - w / 2), box.right - w - GAP);
      const rect = { left, top: c.y - h - GAP, right: left + w, bottom: c.y - GAP };
      if (rect.top < box.top || blocked.some((b) => hits(rect, b)) || placed.some((p) => hits(rect, p))) continue;
      placed.push(rect);
      shown.add(c.spot.code);
      el.style.transform = `translate(${Math.round(rect.left - box.left)}px, ${Math.round(rect.top - box.top)}px)`;
      readings[c.spot.code].label = true;
    }
    for (const [code, el] of elements.current) if (!shown.has(code) && el.style.display !== 'none') el.style.display = 'none';
    runtime.signs = readings;
  });
  return null;
}
