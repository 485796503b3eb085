import { ShaderChunk } from 'three';

/**
 * A cheaper sRGB encoding for the hall's output, where a CPU draws WebGL.
 *
 * Every pixel of every material ends by turning linear colour into sRGB, and three.js does it
 * with pow(), which a software rasteriser (SwiftShader) works out the long way: in the world
 * bench the encoding cost ~8 ms of a ~60 ms frame (desktop). Here x^(1/2.4) is approximated
 * from three square roots (Ian Taylor's fit), within a quarter of an 8-bit step of the exact
 * curve over [0, 1] (tests/unit/world-srgb-output.test.ts): the same picture.
 */
export const SRGB_FIT = { s1: 0.662002687, s2: 0.68412206, s3: -0.323583601, x: -0.022541147 } as const;

/** The same fit in JavaScript, for the test that holds it to the exact curve. */
export function srgbEncodeFit(x: number): number {
  if (x <= 0.0031308) return 12.92 * x;
  const s1 = Math.sqrt(x);
  const s2 = Math.sqrt(s1);
  const s3 = Math.sqrt(s2);
  return SRGB_FIT.s1 * s1 + SRGB_FIT.s2 * s2 + SRGB_FIT.s3 * s3 + SRGB_FIT.x * x;
}

const EXACT = /vec4 sRGBTransferOETF\( in vec4 value \) \{[^}]*\}/;

const glsl = (n: number) => n.toFixed(9);

const FIT = `vec4 sRGBTransferOETF( in vec4 value ) {
	vec3 c = clamp( value.rgb, 0.0, 1.0 );
	vec3 s1 = sqrt( c );
	vec3 s2 = sqrt( s1 );
	vec3 s3 = sqrt( s2 );
	vec3 fit = ${glsl(SRGB_FIT.s1)} * s1 + ${glsl(SRGB_FIT.s2)} * s2 + ${glsl(SRGB_FIT.s3)} * s3 + ${glsl(SRGB_FIT.x)} * c;
	return vec4( mix( fit, c * 12.92, vec3( lessThanEqual( c, vec3( 0.0031308 ) ) ) ), value.a );
}`;

let installed = false;

/** Replaces three.js's sRGB encoding in every shader compiled from now on; idempotent. False if three's chunk changed shape. */
export function installFastSrgbOutput(): boolean {
  if (installed) return true;
  const chunk = ShaderChunk.colorspace_pars_fragment;
  if (!EXACT.test(chunk)) return false;
  ShaderChunk.colorspace_pars_fragment = chunk.replace(EXACT, FIT);
  installed = true;
  return true;
}
