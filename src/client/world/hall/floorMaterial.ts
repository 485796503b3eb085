import { Color, MeshBasicMaterial } from 'three';
import { FLOOR_TEXTURE_METRES } from './textures';

/** The four tile tints, in a 2 × 2 pattern (as the canvas texture it replaces had them). */
const TINTS = ['#f3ead9', '#efe4d0', '#f6eedf', '#ede1cb'];
const GROUT = '#cbbb9f';
/** Grout line half-width, in tiles: the texture's 3 px line on a 256 px tile. */
const GROUT_HALF = 1.5 / 256;

/**
 * The marble floor without a texture: tiles, tints, sheen and grout worked out from the
 * world position in the fragment shader (unlit, the light multiplied in as `color`), as the former 512 px canvas texture drew them minus its faint veins.
 *
 * A software rasteriser (SwiftShader) pays a trilinear texture fetch on every floor pixel: in
 * the world bench the floor alone cost the GPU process ~48 ms a frame with the canvas texture,
 * ~17 ms untextured. The grout lines are antialiased with screen-space derivatives, so far ones
 * fade into the tile colour as the mipmapped texture's did (no shimmer without MSAA).
 * `originX/originZ` is a corner of the floor (tiles line up with the walls).
 */
export function createFloorMaterial(light: Color, originX: number, originZ: number): MeshBasicMaterial {
  const material = new MeshBasicMaterial({ color: light });
  const tints = TINTS.map((t) => new Color(t));
  const grout = new Color(GROUT);
  const tile = FLOOR_TEXTURE_METRES / 2;
  material.onBeforeCompile = (shader) => {
    shader.uniforms.floorTints = { value: tints };
    shader.uniforms.floorGrout = { value: grout };
    shader.uniforms.floorOrigin = { value: [originX, originZ] };
    shader.vertexShader = shader.vertexShader
      .replace('void main() {', 'uniform vec2 floorOrigin;\nvarying vec2 vFloorTile;\nvoid main() {')
      .replace(
        '#include <begin_vertex>',
        `#include <begin_vertex>\n  vFloorTile = ((modelMatrix * vec4(position, 1.0)).xz - floorOrigin) / ${tile.toFixed(4)};`,
      );
    shader.fragmentShader = shader.fragmentShader
      .replace('void main() {', 'uniform vec3 floorTints[4];\nuniform vec3 floorGrout;\nvarying vec2 vFloorTile;\nvoid main() {')
      .replace(
        '#include <map_fragment>',
        `{
  vec2 cell = floor(vFloorTile);
  vec2 f = vFloorTile - cell;
  vec2 m = mod(cell, 2.0);
  int k = int(m.x + 2.0 * m.y);
  vec3 c = k == 0 ? floorTints[0] : k == 1 ? floorTints[1] : k == 2 ? floorTints[2] : floorTints[3];
  // The texture's soft sheen: brighter at one corner of each tile, a touch darker at the other.
  float s = (f.x + f.y) * 0.5;
  c = mix(c, vec3(1.0), 0.18 * max(0.0, 1.0 - 2.0 * s));
  c = mix(c, vec3(0.18, 0.13, 0.06), 0.05 * max(0.0, 2.0 * s - 1.0));
  // Grout: coverage of a ${GROUT_HALF.toFixed(4)}-tile half-width line, faded once thinner than a pixel.
  float d = min(min(f.x, 1.0 - f.x), min(f.y, 1.0 - f.y));
  vec2 fw = fwidth(vFloorTile);
  float px = max(max(fw.x, fw.y), 1e-5);
  float cover = clamp(0.5 + (${GROUT_HALF.toFixed(5)} - d) / px, 0.0, 1.0);
  cover *= min(1.0, ${(2 * GROUT_HALF).toFixed(5)} / px);
  diffuseColor.rgb *= mix(c, floorGrout, cover);
}`,
      );
  };
  return material;
}
