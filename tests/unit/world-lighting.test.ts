import { describe, expect, it } from 'vitest';
import { BoxGeometry, BufferAttribute, Color, MeshBasicMaterial, ShaderLib, Vector3 } from 'three';
import { bakeLighting, HEMI_LIGHT, lightAt, lightPerVertex, SUN_LIGHT } from '../../src/client/world/hall/lighting';

/** three.js's Lambert under one hemisphere and one directional light, written out independently. */
function lambert(normal: Vector3): Color {
  const n = normal.clone().normalize();
  const sky = new Color(HEMI_LIGHT.sky).multiplyScalar(HEMI_LIGHT.intensity);
  const ground = new Color(HEMI_LIGHT.ground).multiplyScalar(HEMI_LIGHT.intensity);
  const hemi = ground.clone().lerp(sky, 0.5 * n.y + 0.5);
  const sun = new Color(SUN_LIGHT.color).multiplyScalar(SUN_LIGHT.intensity * Math.max(0, n.dot(new Vector3(...SUN_LIGHT.position).normalize())));
  return hemi.add(sun).multiplyScalar(1 / Math.PI);
}

function whiteBox(): BoxGeometry {
  const g = new BoxGeometry(1, 2, 3);
  g.setAttribute('color', new BufferAttribute(new Float32Array(g.getAttribute('position').count * 3).fill(1), 3));
  return g;
}

describe('baked hall lighting', () => {
  it('matches the lit material on faces towards, across and away from the sun', () => {
    for (const n of [new Vector3(0, 1, 0), new Vector3(0, -1, 0), new Vector3(1, 0, 0), new Vector3(-1, 0, 0), new Vector3(0, 0, 1), new Vector3(0, 0, -1), new Vector3(8, 14, 10)]) {
      const got = lightAt(n.x, n.y, n.z);
      const want = lambert(n);
      expect(got.r).toBeCloseTo(want.r, 6);
      expect(got.g).toBeCloseTo(want.g, 6);
      expect(got.b).toBeCloseTo(want.b, 6);
    }
    // The floor is lit brighter than a wall facing away from the sun.
    expect(lightAt(0, 1, 0).g).toBeGreaterThan(lightAt(0, 0, -1).g);
  });

  it('bakes a yawed mesh with the sun fixed in the world', () => {
    const yaw = 1.1;
    const local = bakeLighting(whiteBox(), yaw);
    const world = bakeLighting(whiteBox().rotateY(yaw));
    const a = local.getAttribute('color');
    const b = world.getAttribute('color');
    expect(a.count).toBe(b.count);
    for (let i = 0; i < a.count; i++) {
      expect(a.getX(i)).toBeCloseTo(b.getX(i), 5);
      expect(a.getY(i)).toBeCloseTo(b.getY(i), 5);
      expect(a.getZ(i)).toBeCloseTo(b.getZ(i), 5);
    }
    // Not the unrotated result: the yaw matters.
    const flat = bakeLighting(whiteBox()).getAttribute('color');
    let differs = false;
    for (let i = 0; i < a.count; i++) if (Math.abs(a.getX(i) - flat.getX(i)) > 1e-3) differs = true;
    expect(differs).toBe(true);
  });

  it('multiplies the vertex colour by the light', () => {
    const g = whiteBox();
    const c = g.getAttribute('color');
    for (let i = 0; i < c.count; i++) c.setXYZ(i, 0.5, 0.25, 0);
    bakeLighting(g);
    const n = g.getAttribute('normal');
    const light = lightAt(n.getX(0), n.getY(0), n.getZ(0));
    expect(c.getX(0)).toBeCloseTo(0.5 * light.r, 6);
    expect(c.getY(0)).toBeCloseTo(0.25 * light.g, 6);
    expect(c.getZ(0)).toBe(0);
  });
});

describe('per-vertex hall lighting for what moves', () => {
  it("patches three.js's own unlit vertex shader with the hall's lights, for instanced meshes too", () => {
    const material = lightPerVertex(new MeshBasicMaterial({ vertexColors: true }));
    const shader = { uniforms: {} as Record<string, { value: unknown }>, vertexShader: ShaderLib.basic.vertexShader, fragmentShader: ShaderLib.basic.fragmentShader };
    material.onBeforeCompile(shader as never, undefined as never);
    // The chunks it hooks into still exist (a three.js upgrade that renamed them would leave people unlit).
    expect(shader.vertexShader).toContain('uniform vec3 hallSunDir;');
    expect(shader.vertexShader).toMatch(/#include <color_vertex>\s*\{[\s\S]*instanceMatrix[\s\S]*vColor\.rgb \*= light \* RECIPROCAL_PI;/);
    // Its uniforms are the lights lightAt() uses: straight up, the hemisphere's sky plus the sun.
    const { hallSky, hallGround, hallSun, hallSunDir } = shader.uniforms as Record<string, { value: Color & Vector3 }>;
    const up = hallSky.value.clone().add(hallSun.value.clone().multiplyScalar(Math.max(0, hallSunDir.value.y))).multiplyScalar(1 / Math.PI);
    const want = lightAt(0, 1, 0);
    expect(up.r).toBeCloseTo(want.r, 6);
    expect(up.b).toBeCloseTo(want.b, 6);
    expect(hallGround.value.r).toBeLessThan(hallSky.value.r + 1e-9);
    // One program for every material lit this way.
    expect(material.customProgramCacheKey()).toBe(lightPerVertex(new MeshBasicMaterial({ vertexColors: true })).customProgramCacheKey());
  });
});
