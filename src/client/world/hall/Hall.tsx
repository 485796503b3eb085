import { useEffect, useMemo } from 'react';
import type { HallLayout } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { buildHallMeshes } from './buildHallMeshes';
import { bakedMaterial, brightMaterial } from './materials';
import { bakeLighting, lightAt } from './lighting';
import { SignText } from '../signs/SignText';
import { createFloorMaterial } from './floorMaterial';

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
  // The floor faces up: its light is one colour, multiplied into the tiles (drawn without a texture).
  const floor = useMemo(() => createFloorMaterial(lightAt(0, 1, 0), -layout.size.width / 2, -layout.size.depth / 2), [layout.size.width, layout.size.depth]);
  useEffect(
    () => () => {
      meshes.solid.dispose();
      meshes.bright.dispose();
    },
    [meshes],
  );
  useEffect(
    () => () => {
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
