import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, type Group, Matrix4, Object3D } from 'three';
import type { HallGeometry } from '../../../shared/hall';
import { buildCrowdGeometries, disposeCrowdGeometries } from './crowdGeometry';
import { SignFontText } from '../signs/SignFontText';
import type { SignTextMesh } from '../signs/SignTextMesh';
import { nameLine } from '../signs/labels';
import { solidMaterial } from '../hall/materials';
import { HIJAB_COLORS, PALETTE } from '../hall/palette';
import { HIP_Y } from './personGeometry';
import { assignTags, createRemoteSlots, hideOnDutyOfficers, nearestSlots, reslot, slotMoving, stepSlot, type RemoteReport } from './remoteSlots';
import { keepAwake } from '../pacing';
import { PackedMesh, usePackedMeshes } from '../packedMesh';
import type { WorldRuntime } from '../runtime';
import { createBlobShadowMaterial } from '../hall/textures';
import { beginTiered, createTieredPart, endTiered, placeTiered } from './tieredParts';
import { PART } from '../parts';

/** The network's view of the other visitors, mutated in place (src/client/net/remoteVisitors.ts). */
export interface RemoteVisitorSource {
  byId: ReadonlyMap<string, RemoteReport>;
  /** Changes when someone joins or leaves. */
  version: number;
}

export interface RemoteVisitorsProps {
  /** Read every frame; never copied into React state. */
  source: RemoteVisitorSource;
  /** Desks' officer spots (remote officers standing there are drawn by `Officers`). */
  geom: HallGeometry;
  /** The player's position (nearest visitors get name tags), camera yaw (tags face it), and the desk the player is at. */
  runtime: WorldRuntime;
  /** Most visitors drawn; the rest (beyond the hall's triangle budget) are not; default 100. */
  capacity?: number;
  /** Name tags over the nearest visitors; default 12. */
  tags?: number;
  /** Only visitors within this many metres of the player get a tag; default 14. */
  tagDistance?: number;
  /** Views with no player: tags go to the visitors nearest this point (read every frame), clear of its desk; default the player. */
  focus?: { x: number; z: number; desk: string | null };
  /** Tag size, for cameras far away; default 1. */
  tagScale?: number;
  /** Tags turn to face the camera fully (views from above), not only round the vertical; default false. */
  tagBillboard?: boolean;
}

const TAG_Y = 2.05;
const TAG_PASS_SECONDS = 0.25;
/** Tags of visitors this close to the desk the player is at would cover its officer. */
const DESK_CLEAR = 2.2;
/** Tags this close to the camera would fill the screen. */
const CAMERA_CLEAR = 3.5;
const FALLBACK_SHIRT = '#2e86ab';
const HEX = /^#[0-9a-fA-F]{6}$/;

const root = new Object3D();
const leg = new Object3D();
const rootMatrix = new Matrix4();
const legMatrix = new Matrix4();
const hiddenMatrix = new Matrix4().makeScale(0, 0, 0);
/**
 * Beyond this many metres from the camera a visitor's head, hair and hijab are drawn with
 * fewer triangles (personGeometry.ts): there a head is a few pixels across. The visitors were
 * the largest part of a desktop frame on a software rasteriser (world bench), and their cost
 * follows their vertices.
 */
const FAR_METRES = 14;
/** Skin tones and hijab colours, parsed once: copies are tinted from them. */
const SKINS = PALETTE.skin.map((c) => new Color(c));
const HIJABS = HIJAB_COLORS.map((c) => new Color(c));
const color = new Color();

/**
 * Other people in the hall, drawn from network reports: seven packed meshes whatever
 * the count (shadow, shirt, body, legs, head, hair, hijab). Slots are rebuilt only when
 * someone joins or leaves; positions glide between the 10 Hz reports, legs swing while
 * walking, shirt colour per visitor. A fixed pool of name tags follows the nearest ones.
 */
export function RemoteVisitors({ source, geom, runtime, capacity = 100, tags = 12, tagDistance = 14, focus, tagScale = 1, tagBillboard = false }: RemoteVisitorsProps) {
  const geos = useMemo(() => buildCrowdGeometries('separate'), []);
  const shadowMaterial = useMemo(createBlobShadowMaterial, []);
  useEffect(
    () => () => {
      disposeCrowdGeometries(geos);
      shadowMaterial.dispose();
    },
    [geos, shadowMaterial],
  );

  const slots = useMemo(() => createRemoteSlots(capacity), [capacity]);
  const tagState = useMemo(
    () => ({
      ids: Array.from({ length: tags }, () => ''),
      slot: new Int32Array(tags).fill(-1),
      text: Array.from({ length: tags }, () => ''),
      nearest: new Int32Array(tags),
      dist2: new Float32Array(tags),
      nextPass: 0,
    }),
    [tags],
  );

  // Ten packed meshes (one draw call each, see world/packedMesh.ts): shadow, shirt, body, legs,
  // and head, hair and hijab near and far.
  const packs = usePackedMeshes(() => {
    const material = solidMaterial();
    // Built with 'separate' legs, so the far parts are there.
    const far = geos.far!;
    return {
      shadow: new PackedMesh(geos.shadow, shadowMaterial, capacity),
      shirt: new PackedMesh(geos.shirt, material, capacity),
      base: new PackedMesh(geos.base, material, capacity),
      legs: new PackedMesh(geos.leg ?? geos.base, material, capacity * 2),
      head: new PackedMesh(geos.head, material, capacity),
      hair: new PackedMesh(geos.hair, material, capacity),
      hijab: new PackedMesh(geos.hijab, material, capacity),
      farHead: new PackedMesh(far.head, material, capacity),
      farHair: new PackedMesh(far.hair, material, capacity),
      farHijab: new PackedMesh(far.hijab, material, capacity),
    };
  }, [geos, shadowMaterial, capacity]);
  const { shadow, shirt, base, legs } = packs;
  const meshes = useMemo(() => Object.values(packs), [packs]);
  /** The meshes with one copy per visitor, at the visitor's slot. */
  const perVisitor = useMemo(() => [shadow, shirt, base], [shadow, shirt, base]);
  /** Head, hair and hijab: near or far, packed each frame. */
  const tiers = useMemo(
    () => ({ head: createTieredPart(packs.head, packs.farHead), hair: createTieredPart(packs.hair, packs.farHair), hijab: createTieredPart(packs.hijab, packs.farHijab) }),
    [packs],
  );
  const tagGroups = useRef<(Group | null)[]>([]);
  const tagTexts = useRef<(SignTextMesh | null)[]>([]);

  useLayoutEffect(() => {
    for (const m of meshes) m.copies = 0;
    slots.version = -1;
  }, [slots, meshes]);

  useFrame(({ camera }, delta) => {
    const dt = Math.min(delta, 0.1);
    const now = performance.now();
    const s = slots;
    let forceTags = false;

    const resloted = reslot(s, source.byId, source.version, { skins: PALETTE.skin.length, hijabColors: HIJAB_COLORS.length });
    if (resloted) {
      for (let i = 0; i < s.count; i++) {
        const e = s.entries[i];
        shirt.setColorAt(i, color.set(e && HEX.test(e.color) ? e.color : FALLBACK_SHIRT));
      }
      for (let j = 0; j < perVisitor.length; j++) perVisitor[j].copies = s.count;
      legs.copies = s.count * 2;
      forceTags = true;
    }
    beginTiered(tiers.head, resloted);
    beginTiered(tiers.hair, resloted);
    beginTiered(tiers.hijab, resloted);

    hideOnDutyOfficers(s, geom.spotList);
    let drawn = 0;
    let moving = false;
    for (let i = 0; i < s.count; i++) {
      stepSlot(s, i, now, dt);
      if (!moving && slotMoving(s, i, now)) moving = true;
      if (s.hidden[i]) {
        for (let j = 0; j < perVisitor.length; j++) perVisitor[j].setMatrixAt(i, hiddenMatrix);
        legs.setMatrixAt(i * 2, hiddenMatrix);
        legs.setMatrixAt(i * 2 + 1, hiddenMatrix);
        continue;
      }
      drawn++;
      const cycle = Math.sin(s.stride[i]);
      const swing = s.swing[i];
      root.position.set(s.x[i], Math.abs(cycle) * 0.04 * swing, s.z[i]);
      root.rotation.set(0, s.h[i], 0);
      root.updateMatrix();
      rootMatrix.copy(root.matrix);
      shirt.setMatrixAt(i, rootMatrix);
      base.setMatrixAt(i, rootMatrix);
      const far = (s.x[i] - camera.position.x) ** 2 + (s.z[i] - camera.position.z) ** 2 > FAR_METRES * FAR_METRES;
      placeTiered(tiers.head, i, far, rootMatrix, SKINS[s.skin[i]]);
      if (s.hijab[i]) placeTiered(tiers.hijab, i, far, rootMatrix, HIJABS[s.hijabColor[i]]);
      else placeTiered(tiers.hair, i, far, rootMatrix, null);
      for (let side = 0; side < 2; side++) {
        leg.position.set(side === 0 ? -0.09 : 0.09, HIP_Y, 0);
        leg.rotation.set((side === 0 ? 1 : -1) * cycle * 0.55 * swing, 0, 0);
        leg.updateMatrix();
        legMatrix.multiplyMatrices(rootMatrix, leg.matrix);
        legs.setMatrixAt(i * 2 + side, legMatrix);
      }
      root.position.set(s.x[i], 0.012, s.z[i]);
      root.rotation.set(0, 0, 0);
      root.updateMatrix();
      shadow.setMatrixAt(i, root.matrix);
    }
    endTiered(tiers.head);
    endTiered(tiers.hair);
    endTiered(tiers.hijab);
    runtime.remoteDrawn = drawn;
    // Someone walking (or still gliding to their last report) keeps the hall drawing every frame.
    if (moving) keepAwake(runtime, now);
    for (let j = 0; j < meshes.length; j++) meshes[j].visible = meshes[j].copies > 0;

    // Name tags: who gets one is decided a few times a second; where they float, every frame.
    const ts = tagState;
    if (forceTags || now >= ts.nextPass) {
      ts.nextPass = now + TAG_PASS_SECONDS * 1000;
      const n = nearestSlots(s, focus ? focus.x : runtime.player.x, focus ? focus.z : runtime.player.z, tagDistance, ts.nearest, ts.dist2);
      assignTags(s, ts.nearest, n, ts.ids, ts.slot);
    }
    const nearDesk = focus ? focus.desk : runtime.near;
    const desk = nearDesk === null ? null : geom.spots[nearDesk];
    for (let k = 0; k < ts.slot.length; k++) {
      const g = tagGroups.current[k];
      if (!g) continue;
      const i = ts.slot[k];
      const e = i >= 0 ? s.entries[i] : null;
      if (
        !e ||
        s.hidden[i] === 1 ||
        (desk && (s.x[i] - desk.x) ** 2 + (s.z[i] - desk.z) ** 2 < DESK_CLEAR * DESK_CLEAR) ||
        (s.x[i] - camera.position.x) ** 2 + (s.z[i] - camera.position.z) ** 2 < CAMERA_CLEAR * CAMERA_CLEAR
      ) {
        g.visible = false;
        continue;
      }
      const mesh = tagTexts.current[k];
      if (mesh && ts.text[k] !== e.name) {
        // Only when the owner or the name changed: the tag is painted again.
        ts.text[k] = e.name;
        mesh.setText(nameLine(e.name));
      }
      g.visible = mesh !== null && mesh !== undefined && mesh.text !== '';
      // A larger tag floats a little higher, clear of the head.
      g.position.set(s.x[i], TAG_Y + (tagScale - 1) * 0.12, s.z[i]);
      if (tagBillboard) g.quaternion.copy(camera.quaternion);
      else g.rotation.y = runtime.cameraYaw;
    }
  });

  return (
    <group name={PART.visitors}>
      <primitive object={shadow} renderOrder={1} />
      {meshes.map((m) => (m === shadow ? null : <primitive key={m.uuid} object={m} />))}
      {range(tags).map((k) => (
        <group
          key={k}
          visible={false}
          scale={tagScale}
          ref={(g) => {
            tagGroups.current[k] = g;
          }}
        >
          <SignFontText
            ref={(t) => {
              tagTexts.current[k] = t;
            }}
            fontSize={0.19}
            color="#1d2b45"
          >
            {''}
          </SignFontText>
        </group>
      ))}
    </group>
  );
}

/** 0..n-1, for the fixed pool of tags. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
