import { BufferAttribute, type BufferGeometry, Color, type Material, Vector3 } from 'three';

/**
 * The hall's light, one definition for the lights in the scene (World.tsx) and for the
 * light baked into the vertex colours of everything that never moves (walls, floor, desks).
 * Both are directional (no falloff), so on a flat face the lit colour is one constant:
 * baking it reproduces MeshLambertMaterial's result exactly, and an unlit MeshBasicMaterial
 * draws it for a fraction of the per-pixel cost (software renderers pay for every fragment).
 */
export const HEMI_LIGHT = { sky: '#fffaf0', ground: '#d9c7a6', intensity: 2.2 } as const;
export const SUN_LIGHT = { position: [8, 14, 10] as [number, number, number], color: '#fff3df', intensity: 1.6 } as const;

const sky = new Color();
const ground = new Color();
const sun = new Color();
const sunDir = new Vector3();
const n = new Vector3();
const out = new Color();

let prepared = false;

function prepare(): void {
  if (prepared) return;
  prepared = true;
  sky.set(HEMI_LIGHT.sky).multiplyScalar(HEMI_LIGHT.intensity);
  ground.set(HEMI_LIGHT.ground).multiplyScalar(HEMI_LIGHT.intensity);
  sun.set(SUN_LIGHT.color).multiplyScalar(SUN_LIGHT.intensity);
  sunDir.set(...SUN_LIGHT.position).normalize();
}

/**
 * What a white Lambert surface with world normal (nx, ny, nz) reflects under the hall's
 * lights, in linear colour (three.js: hemisphere irradiance + sun · max(0, n·l), times 1/π).
 */
export function lightAt(nx: number, ny: number, nz: number, target = new Color()): Color {
  prepare();
  n.set(nx, ny, nz).normalize();
  const w = 0.5 * n.y + 0.5;
  const d = Math.max(0, n.dot(sunDir));
  target.r = (ground.r + (sky.r - ground.r) * w + sun.r * d) / Math.PI;
  target.g = (ground.g + (sky.g - ground.g) * w + sun.g * d) / Math.PI;
  target.b = (ground.b + (sky.b - ground.b) * w + sun.b * d) / Math.PI;
  return target;
}

/**
 * The same light for what moves (people, name plates), worked out per vertex in the vertex
 * shader of an unlit material: on flat faces exactly what MeshLambertMaterial draws per pixel
 * (the light depends on the normal alone), on the round heads a smooth blend between vertices.
 * Instance matrices turn the normals with the instances. `material` must draw vertex colours.
 */
export function lightPerVertex<M extends Material>(material: M): M {
  prepare();
  const uniforms = {
    hallSky: { value: sky.clone() },
    hallGround: { value: ground.clone() },
    hallSun: { value: sun.clone() },
    hallSunDir: { value: sunDir.clone() },
  };
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('void main() {', 'uniform vec3 hallSky;\nuniform vec3 hallGround;\nuniform vec3 hallSun;\nuniform vec3 hallSunDir;\nvoid main() {')
      .replace(
        '#include <color_vertex>',
        `#include <color_vertex>
  {
    vec3 litNormal = normal;
    #ifdef USE_INSTANCING
      litNormal = mat3( instanceMatrix ) * litNormal;
    #endif
    litNormal = normalize( mat3( modelMatrix ) * litNormal );
    vec3 light = mix( hallGround, hallSky, 0.5 * litNormal.y + 0.5 ) + hallSun * max( dot( litNormal, hallSunDir ), 0.0 );
    vColor.rgb *= light * RECIPROCAL_PI;
  }`,
      );
  };
  material.customProgramCacheKey = () => 'hall-light-per-vertex';
  return material;
}

/**
 * Multiplies a vertex-coloured geometry's colours by the light on each vertex, for a mesh
 * drawn with `bakedMaterial()`; `rotationY` is the mesh's yaw in the world (radians), as
 * the sun's direction is fixed in the world. Returns the geometry.
 */
export function bakeLighting(geometry: BufferGeometry, rotationY = 0): BufferGeometry {
  const color = geometry.getAttribute('color');
  const normal = geometry.getAttribute('normal');
  // Read straight from the arrays: plain (not interleaved) float RGB colours and XYZ normals.
  const plain = (a: unknown): a is BufferAttribute => a instanceof BufferAttribute && a.itemSize === 3 && a.array instanceof Float32Array;
  if (!plain(color) || !plain(normal)) throw new Error('bakeLighting needs plain Float32 3-wide colour and normal attributes');
  const normals = normal.array;
  const colors = color.array;
  const cos = Math.cos(rotationY);
  const sin = Math.sin(rotationY);
  for (let i = 0; i < color.count * 3; i += 3) {
    const x = normals[i];
    const z = normals[i + 2];
    lightAt(x * cos + z * sin, normals[i + 1], -x * sin + z * cos, out);
    colors[i] *= out.r;
    colors[i + 1] *= out.g;
    colors[i + 2] *= out.b;
  }
  color.needsUpdate = true;
  return geometry;
}
