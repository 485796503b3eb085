import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial } from 'three';
import type { HallLayout } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { buildHallMeshes } from './buildHallMeshes';
import { bakedMaterial, brightMaterial } from './materials';
import { bakeLighting, lightAt } from './lighting';
import { SignText } from '../signs/SignText';
import { createFloorTexture, FLOOR_TEXTURE_METRES } from './textures';

/** The floor runs on outside the doors, so a camera behind a citizen at the entrance sees ground. */
const TERRACE = 12;

export interface HallProps {
  /** The layout from scenes/hall.json. */
  layout: HallLayout;
  /** Language of the banner's subtitle. */
  lang: Lang;
}

/** The building: marble floor, cream walls, windows, pillars, benches, plants and the city banner. */
export function Hall({ layout, lang }: HallProps) {
  const meshes = useMemo(() => {
    const built = buildHallMeshes(layout);
    bakeLighting(built.solid);
    return built;
  }, [layout]);
  const floor = useMemo(() => {
    const map = createFloorTexture();
    map.repeat.set(layout.size.width / FLOOR_TEXTURE_METRES, (layout.size.depth + TERRACE) / FLOOR_TEXTURE_METRES);
    // The floor faces up: its light is one colour, multiplied into the texture.
    return new MeshBasicMaterial({ map, color: lightAt(0, 1, 0) });
  }, [layout.size.width, layout.size.depth]);
  useEffect(
    () => () => {
      meshes.solid.dispose();
      meshes.bright.dispose();
    },
    [meshes],
  );
  useEffect(
    () => () => {
      floor.map?.dispose();
      floor.dispose();
    },
    [floor],
  );
  const bannerZ = -layout.size.depth / 2 + 0.13;
  return (
    <group>
      <mesh material={floor} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0, TERRACE / 2]}>
        <planeGeometry args={[layout.size.width, layout.size.depth + TERRACE]} />
      </mesh>
      <mesh geometry={meshes.solid} material={bakedMaterial()} />
      <mesh geometry={meshes.bright} material={brightMaterial()} />
      <SignText position={[0.7, 5.2, bannerZ]} fontSize={0.62} letterSpacing={0.04}>
        {layout.name.id.toUpperCase()}
      </SignText>
      <SignText position={[0.7, 4.5, bannerZ]} fontSize={0.28} letterSpacing={0.1} color="#f4d27a">
        {layout.subtitle[lang].toUpperCase()}
      </SignText>
    </group>
  );
}
