import { useEffect, useMemo } from 'react';
import type { HallLayout } from '../../../shared/hall';
import type { Lang } from '../../../shared/i18n';
import { buildHallMeshes } from './buildHallMeshes';
import { bakedMaterial, brightMaterial } from './materials';
import { bakeLighting, lightAt } from './lighting';
import { SignText } from '../signs/SignText';
import { createFloorMaterial } from './floorMaterial';
import { PART } from '../parts';

/** The floor runs on outside the doors, so a camera behind a citizen at the entrance sees ground. */
const TERRACE = 12;
/**
 * Opaque things draw in renderOrder: desks, people and pillars first, then the walls, then the
 * floor, so the pixels they hide of the walls and floor fail the depth test before being shaded
 * (a software rasteriser shades every pixel it draws; the floor's tiles are the dearest shader).
 */
const WALLS_ORDER = 1;
const FLOOR_ORDER = 2;

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
      <mesh name={PART.floor} material={floor} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0, TERRACE / 2]} renderOrder={FLOOR_ORDER}>
        <planeGeometry args={[layout.size.width, layout.size.depth + TERRACE]} />
      </mesh>
      <mesh name={PART.walls} geometry={meshes.solid} material={bakedMaterial()} renderOrder={WALLS_ORDER} />
      <mesh name={PART.lights} geometry={meshes.bright} material={brightMaterial()} />
      <SignText position={[0.7, 5.2, bannerZ]} fontSize={0.62} letterSpacing={0.04}>
        {layout.name.id.toUpperCase()}
      </SignText>
      <SignText position={[0.7, 4.5, bannerZ]} fontSize={0.28} letterSpacing={0.1} color="#f4d27a">
        {layout.subtitle[lang].toUpperCase()}
      </SignText>
    </group>
  );
}
