import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import type { Lang } from '../../shared/i18n';
import { clampToWalkable, INFO_DESK_CODE } from '../../shared/hall';
import { catalog } from '../catalog';
import { Counter } from './counters/Counter';
import { FramePacer } from './FramePacer';
import { keepAwake } from './pacing';
import { Cutaway } from './hall/Cutaway';
import { DeskBoards, type DeskBoard } from './counters/DeskBoards';
import { FollowCamera } from './camera/FollowCamera';
import { GroundClick } from './movement/GroundClick';
import { Hall } from './hall/Hall';
import { InfoDesk } from './hall/InfoDesk';
import { loadHallScene } from './hall/layout';
import { holdSharedMaterials } from './hall/materials';
import { HEMI_LIGHT, SUN_LIGHT } from './hall/lighting';
import { softwareRenderer, worldGlOptions } from './glOptions';
import { installFastSrgbOutput } from './srgbOutput';
import { remoteVisitors } from '../net/remoteVisitors';
import { NetworkSync } from './visitors/NetworkSync';
import { OfficerNamePlates } from './counters/OfficerNamePlates';
import { Officers } from './counters/Officers';
import type { PanelSide, ViewInsets } from './camera/panelFraming';
import { PALETTE } from './hall/palette';
import { PlayerAvatar } from './visitors/PlayerAvatar';
import { PlayerController } from './movement/PlayerController';
import { RemoteVisitors } from './visitors/RemoteVisitors';
import { createWorldRuntime } from './runtime';
import { SpectatorCamera, type SpectatorFocus } from './camera/SpectatorCamera';
import { SpeechBubble } from './counters/SpeechBubble';
import { SignLabels } from './signs/SignLabels';
import { StatsProbe } from './StatsProbe';
import { TouchJoystick } from './movement/TouchJoystick';
import type { CounterStatus } from './types';
import { useKeyboardMovement } from './movement/useKeyboardMovement';
import { useWalkTo, type WalkToRequest } from './movement/useWalkTo';
import { Visitors } from './visitors/Visitors';

// Where a CPU draws, the cheaper sRGB encoding (every pixel pays for it).
if (softwareRenderer()) installFastSrgbOutput();

export type { CounterStatus } from './types';
export type { PanelSide, ViewInsets } from './camera/panelFraming';
export type { DeskBoard } from './counters/DeskBoards';

/** 'follow': the citizen walks, camera behind; 'overhead': the whole hall from above; 'tour': one desk head-on. */
export type WorldView = 'follow' | 'overhead' | 'tour';

export interface WorldProps {
  /** Language of the signs and displays. */
  lang: Lang;
  /** The citizen's look: shirt colour (any CSS colour) and the name over the head ('' = no tag); default blue, no tag. */
  avatar?: { color: string; name: string };
  /** Status by agency code (and 'info'); missing = 'self_service'. */
  counterStatus: Record<string, CounterStatus>;
  /** Officer speech text by agency code ('info' for the info desk); undefined/missing = no bubble. */
  bubbles: Record<string, string | undefined>;
  /** Text on each desk's queue display, e.g. "A-012"; missing = the status ("BUKA" / "MANDIRI 24 JAM"). */
  queueDisplay: Record<string, string>;
  /** false while a DOM panel is open: no keyboard, joystick or tap-to-move; default true (always off outside 'follow'). */
  controlsEnabled?: boolean;
  /** Entering/leaving a desk's approach radius (agency code, 'info', or null); fires only on change; default none. */
  onNearCounter?(code: string | null): void;
  /** E / Enter while near a desk, a tap on the desk or officer while near, or arrival after tapping a far desk; default none. */
  onInteract?(code: string): void;
  /** Called once after the first frame of the full scene (fonts loaded) rendered; default none. */
  onReady?(): void;
  /** "Take me to…": walk along the floor to this desk and open it on arrival; a new `seq` walks again; default none. */
  walkTo?: WalkToRequest | null;
  /** Extra demo/bench visitor avatars walking around; default 0. */
  visitors?: number;
  /** Officer display name by agency code (e.g. from useHall counters' `officer`), shown on a plate on the desk; default none. */
  officerNames?: Record<string, string>;
  /** A DOM panel covering the right side or the bottom of the world: the camera frames the desk in the rest; default null. */
  panelOpen?: PanelSide | null;
  /**
   * Pixels of the canvas covered by DOM: in 'follow', the open panel and header (default: the app's
   * layout, see panelInsets in panelFraming.ts); in 'tour', a caption (default none).
   */
  viewInsets?: ViewInsets;
  /**
   * The camera; default 'follow' (the citizen's avatar, controls, position sent to the hall).
   * 'overhead' and 'tour' have no avatar, no controls and send nothing: 'overhead' fits the
   * whole hall from above; 'tour' frames `tourDesk` head-on and glides to the next one.
   */
  view?: WorldView;
  /** The desk the tour frames (agency code or 'info'); null or unknown = the whole hall from above; a change glides; default null. */
  tourDesk?: string | null;
  /** Big labels on the floor in front of the desks, by desk code, drawn in the 'overhead' view only; default none. */
  deskBoards?: Record<string, DeskBoard>;
}

/** The bubble's tail: beside the officer's head (left as the citizen sees it), below the sign's text. */
const BUBBLE_Y = 1.85;
const BUBBLE_SIDE = 0.3;
const NO_NAMES: Record<string, string> = {};
const NO_BOARDS: Record<string, DeskBoard> = {};
/** How far from the walls the desks along them (with their signs) reach, metres. */
const WALL_DESKS = 3.4;
const NO_AVATAR = { color: '#2e86ab', name: '' };
const NOTHING = () => undefined;
/**
 * Pixel ratios the canvas steps through, as fractions of the device's (capped at 1.5): one step
 * down each time frames stay below 40 fps while the hall moves, one up when they recover
 * (world/FramePacer.tsx). A cheap phone pays for every
 * pixel (the floor and walls cover the screen: measured in the world bench, the frame's cost
 * follows the pixel count), so it trades sharpness for a hall that still moves.
 */
const DPR_STEPS = [1, 0.8, 0.65];

/**
 * Where a CPU draws WebGL (SwiftShader: no GPU, or a blocked one), the pixels the hall starts
 * with at most: the first step of DPR_STEPS within this many, so that its first frames are not
 * drawn at a size it would step down from anyway (in the world bench, 2 cores: a desktop
 * 1280×800 settled at 0.65, ~430,000 pixels; a phone 390×844 stayed at 1, ~330,000). Frames
 * then move it up or down as everywhere. With a GPU the hall starts at the device's ratio.
 */
const SOFTWARE_START_PIXELS = 450_000;

function firstDprStep(maxDpr: number): number {
  if (!softwareRenderer()) return 0;
  const cssPixels = window.innerWidth * window.innerHeight;
  const step = DPR_STEPS.findIndex((k) => cssPixels * (maxDpr * k) ** 2 <= SOFTWARE_START_PIXELS);
  return step < 0 ? DPR_STEPS.length - 1 : step;
}

/**
 * The 3D Balai Kota: hall, counters with officers, the citizen's avatar and camera; or,
 * in the spectator views ('overhead', 'tour'), the hall and everyone in it with no avatar.
 * Fills its parent (give the parent a size); the touch joystick is a DOM sibling of the canvas.
 */
export function World({
  lang,
  avatar = NO_AVATAR,
  counterStatus,
  bubbles,
  queueDisplay,
  controlsEnabled = true,
  onNearCounter = NOTHING,
  onInteract = NOTHING,
  onReady,
  walkTo = null,
  visitors = 0,
  officerNames = NO_NAMES,
  panelOpen = null,
  viewInsets,
  view = 'follow',
  tourDesk = null,
  deskBoards = NO_BOARDS,
}: WorldProps) {
  const scene = useMemo(() => loadHallScene(catalog.agencies), []);
  const { layout, geom } = scene;
  const runtime = useMemo(() => createWorldRuntime(layout), [layout]);
  const signLayer = useRef<HTMLDivElement>(null);
  const agencies = useMemo(() => new Map(catalog.agencies.map((a) => [a.code, a])), []);
  const maxDpr = Math.min(1.5, typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
  const [dprStep, setDprStep] = useState(() => firstDprStep(maxDpr));
  const glOptions = useMemo(worldGlOptions, []);
  const dpr = maxDpr * DPR_STEPS[dprStep];

  const follow = view === 'follow';
  // Where the spectator camera looks, for the name tags; written by it every frame.
  const focus = useMemo<SpectatorFocus>(() => ({ x: 0, z: 0, desk: null }), []);
  // Shared materials are disposed when the last World goes, so no unmounted renderer stays referenced.
  useEffect(holdSharedMaterials, []);
  // Whatever changed the World's props (a lamp, a board, a panel opening, a bubble) shows at the
  // display's rate for a moment, not at the idle beat.
  useEffect(() => keepAwake(runtime));
  useKeyboardMovement(runtime, controlsEnabled && follow, onInteract);
  useWalkTo(runtime, geom, walkTo);

  const status = useCallback((code: string): CounterStatus => counterStatus[code] ?? 'self_service', [counterStatus]);
  const statusByCode = useMemo(() => Object.fromEntries(layout.desks.map((d) => [d.code, status(d.code)])), [layout, status]);
  const deskWidths = useMemo(() => Object.fromEntries(layout.desks.map((d) => [d.code, d.width])), [layout]);
  // The floor clear of the desks along the walls, where the overhead view cuts pillars down.
  const openFloor = useMemo(() => {
    const b = geom.bounds;
    return { minX: b.minX + WALL_DESKS, maxX: b.maxX - WALL_DESKS, minZ: b.minZ + WALL_DESKS, maxZ: b.maxZ - WALL_DESKS };
  }, [geom]);

  const onSelectDesk = useCallback(
    (code: string) => {
      if (!runtime.controlsEnabled) return;
      if (runtime.near === code) {
        onInteract(code);
        return;
      }
      const spot = geom.spots[code];
      const t = runtime.target;
      clampToWalkable(geom, spot.x, spot.z, geom.playerRadius, t);
      t.active = true;
      t.interact = code;
    },
    [runtime, geom, onInteract],
  );

  return (
    <div style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden', touchAction: 'none' }} data-testid="world">
      <Canvas
        frameloop="never"
        dpr={dpr}
        flat
        gl={glOptions}
        camera={{ fov: 50, near: 0.1, far: 120, position: [layout.spawn.x, 4, layout.spawn.z + 6] }}
        style={{ position: 'absolute', inset: 0 }}
      >
        <FramePacer
          runtime={runtime}
          onRate={(verdict) =>
            setDprStep((step) => (verdict === 'incline' ? Math.max(0, step - 1) : verdict === 'decline' ? Math.min(DPR_STEPS.length - 1, step + 1) : DPR_STEPS.length - 1))
          }
        />
        <color attach="background" args={[PALETTE.background]} />
        {/*
          No fog: the hall is 40 × 30 m, so from the citizen's camera fog (38–80 m, as it was)
          touched only the far corners, by a few percent, and from above nothing; yet every
          pixel paid for it. In the world bench without it the GPU process spent 93 → 80 ms per
          desktop frame (pixel ratio 0.65, 3 A/B runs) and screenshots at the entrance matched.
        */}
        {/* The walls, floor and desks have this light baked in (hall/lighting.ts); it lights what moves. */}
        <hemisphereLight args={[HEMI_LIGHT.sky, HEMI_LIGHT.ground, HEMI_LIGHT.intensity]} />
        <directionalLight position={SUN_LIGHT.position} intensity={SUN_LIGHT.intensity} color={SUN_LIGHT.color} />
        <Suspense fallback={null}>
          <Hall layout={layout} lang={lang} />
          <Cutaway enabled={view === 'overhead'} inside={openFloor}>
            {layout.desks.map((d) => {
              if (d.kind === 'info') {
                return <InfoDesk key={d.code} desk={d} lang={lang} status={status(d.code)} queueText={queueDisplay[d.code]} onSelect={onSelectDesk} />;
              }
              const agency = agencies.get(d.code);
              if (!agency) return null;
              return (
                <Counter
                  key={d.code}
                  slot={d}
                  agency={agency}
                  lang={lang}
                  status={status(d.code)}
                  queueText={queueDisplay[d.code]}
                  againstWall={againstWall(d, layout.size.width, layout.size.depth)}
                  onSelect={onSelectDesk}
                />
              );
            })}
          </Cutaway>
          <Officers desks={layout.desks} geom={geom} status={statusByCode} runtime={runtime} />
          {/* From above the plates are too small to read: the floor boards (and the DOM) name the officers. */}
          {view !== 'overhead' && <OfficerNamePlates desks={layout.desks} names={officerNames} lang={lang} />}
          {/* No demo crowd, nothing built (its geometry took ~30 ms of the hall's mount). */}
          {visitors > 0 && <Visitors count={visitors} layout={layout} geom={geom} runtime={runtime} />}
          {follow ? (
            <RemoteVisitors source={remoteVisitors} geom={geom} runtime={runtime} />
          ) : (
            <RemoteVisitors
              source={remoteVisitors}
              geom={geom}
              runtime={runtime}
              focus={focus}
              tagBillboard
              tagScale={view === 'overhead' ? 2.6 : 1}
              // The projector and the kiosk's tour are public screens: no visitor's display name on them.
              tags={0}
              tagDistance={view === 'overhead' ? 40 : 14}
            />
          )}
          {view === 'overhead' && <DeskBoards desks={layout.desks} pillars={layout.pillars} boards={deskBoards} status={statusByCode} />}
          {follow && <PlayerAvatar avatar={avatar} runtime={runtime} />}
          {follow && <GroundClick runtime={runtime} geom={geom} />}
          {layout.desks.map((d) => {
            const text = bubbles[d.code];
            if (!text) return null;
            const s = geom.spots[d.code];
            const r = (d.rotation * Math.PI) / 180;
            // Desk-local -x is the citizen's left; a little towards the citizen, off the officer's face.
            const x = s.officerX - Math.cos(r) * BUBBLE_SIDE + s.frontX * 0.15;
            const z = s.officerZ + Math.sin(r) * BUBBLE_SIDE + s.frontZ * 0.15;
            return <SpeechBubble key={d.code} text={text} position={[x, BUBBLE_Y, z]} side="left" />;
          })}
          <StatsProbe runtime={runtime} geom={geom} onReady={onReady} />
        </Suspense>
        {follow && <PlayerController runtime={runtime} geom={geom} onNearCounter={onNearCounter} onInteract={onInteract} />}
        {follow && <NetworkSync runtime={runtime} geom={geom} />}
        {follow && <SignLabels desks={layout.desks} agencies={agencies} lang={lang} layer={signLayer} runtime={runtime} enabled={!panelOpen} />}
        {follow ? (
          <FollowCamera runtime={runtime} geom={geom} panelOpen={panelOpen} viewInsets={viewInsets} deskWidths={deskWidths} />
        ) : (
          <SpectatorCamera view={view} tourDesk={tourDesk} layout={layout} geom={geom} deskWidths={deskWidths} focus={focus} insets={viewInsets} />
        )}
      </Canvas>
      <div ref={signLayer} className="sign-labels" aria-hidden="true" />
      {follow && <TouchJoystick runtime={runtime} enabled={controlsEnabled} label={lang === 'id' ? 'Joystick gerak' : 'Movement joystick'} />}
    </div>
  );
}

/** A desk whose staff area ends within a metre of a wall gets a back panel instead of sign posts. */
function againstWall(d: { x: number; z: number; rotation: number }, width: number, depth: number): boolean {
  const r = (d.rotation * Math.PI) / 180;
  const bx = d.x - Math.sin(r) * 2.5;
  const bz = d.z - Math.cos(r) * 2.5;
  return Math.abs(bx) > width / 2 - 0.6 || Math.abs(bz) > depth / 2 - 0.6;
}

export { INFO_DESK_CODE };
/** The shell's loader starts the sign font's load as soon as this chunk is imported (the hall mounts meanwhile, see signFontReady). */
export { signFontReady } from './signs/signFont';
export default World;
