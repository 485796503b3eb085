import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type Group, type Mesh, PlaneGeometry } from 'three';
import { solidMaterial } from '../hall/materials';
import { MeshBuilder } from '../hall/meshBuilder';
import { PALETTE } from '../hall/palette';
import { addArmsSkin, addHair, addHead, addLeg, addLowerBody, addShirt, HIP_Y } from './personGeometry';
import type { WorldRuntime } from '../runtime';
import { SignText } from '../signs/SignText';
import { createBlobShadowMaterial } from '../hall/textures';
import { PART } from '../parts';

export interface PlayerAvatarProps {
  /** The citizen's shirt colour (any CSS colour) and the name shown above the head. */
  avatar: { color: string; name: string };
  /** Position and heading are read from here every frame. */
  runtime: WorldRuntime;
}

/** The citizen's avatar: body, swinging legs, a blob shadow and a name tag that faces the camera. */
export function PlayerAvatar({ avatar, runtime }: PlayerAvatarProps) {
  const body = useMemo(() => {
    const b = new MeshBuilder();
    addShirt(b, avatar.color, false);
    addLowerBody(b, '#2d3a55', false);
    addArmsSkin(b, PALETTE.skin[1], false);
    addHead(b, PALETTE.skin[1]);
    addHair(b, PALETTE.hair, false);
    return b.build();
  }, [avatar.color]);
  const leg = useMemo(() => {
    const b = new MeshBuilder();
    addLeg(b, '#2d3a55', 0, 0);
    return b.build();
  }, []);
  const shadow = useMemo(() => new PlaneGeometry(1, 1).rotateX(-Math.PI / 2), []);
  const shadowMaterial = useMemo(createBlobShadowMaterial, []);
  useEffect(() => () => body.dispose(), [body]);
  useEffect(
    () => () => {
      leg.dispose();
      shadow.dispose();
      shadowMaterial.dispose();
    },
    [leg, shadow, shadowMaterial],
  );

  const root = useRef<Group>(null);
  const turn = useRef<Group>(null);
  const tag = useRef<Group>(null);
  const left = useRef<Mesh>(null);
  const right = useRef<Mesh>(null);
  const stride = useRef(0);

  useFrame((_, delta) => {
    const p = runtime.player;
    const dt = Math.min(delta, 0.1);
    stride.current += p.speed * dt * 3.2;
    const swing = Math.min(1, p.speed / 2) * Math.sin(stride.current) * 0.55;
    if (root.current) root.current.position.set(p.x, 0, p.z);
    if (turn.current) {
      turn.current.rotation.y = p.heading;
      turn.current.position.y = Math.abs(Math.sin(stride.current)) * 0.04 * Math.min(1, p.speed / 2);
    }
    if (left.current) left.current.rotation.x = swing;
    if (right.current) right.current.rotation.x = -swing;
    if (tag.current) {
      tag.current.rotation.y = runtime.cameraYaw;
      // At a desk the tag would cover the officer's face.
      tag.current.visible = runtime.near === null;
    }
  });

  return (
    <group name={PART.player} ref={root}>
      <mesh geometry={shadow} material={shadowMaterial} position={[0, 0.013, 0]} renderOrder={1} />
      <group ref={turn}>
        <mesh geometry={body} material={solidMaterial()} />
        <mesh ref={left} geometry={leg} material={solidMaterial()} position={[-0.09, HIP_Y, 0]} />
        <mesh ref={right} geometry={leg} material={solidMaterial()} position={[0.09, HIP_Y, 0]} />
      </group>
      {avatar.name && (
        <group ref={tag} position={[0, 2.08, 0]}>
          <SignText fontSize={0.2} color="#1d2b45">
            {avatar.name}
          </SignText>
        </group>
      )}
    </group>
  );
}
