import { describe, expect, it } from 'vitest';
import { ShaderChunk } from 'three';
import { installFastSrgbOutput, srgbEncodeFit } from '../../src/client/world/srgbOutput';

/** The sRGB transfer function, as IEC 61966-2-1 defines it. */
function srgbEncode(x: number): number {
  return x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
}

describe('the cheaper sRGB encoding of the hall (software renderers)', () => {
  it('stays within a third of an 8-bit step of the exact curve over [0, 1]', () => {
    let worst = 0;
    for (let i = 0; i <= 20000; i++) {
      const x = i / 20000;
      worst = Math.max(worst, Math.abs(srgbEncodeFit(x) - srgbEncode(x)));
    }
    expect(worst * 255).toBeLessThan(1 / 3);
    expect(srgbEncodeFit(0)).toBe(0);
    expect(srgbEncodeFit(1)).toBeCloseTo(1, 3);
  });

  it("replaces three.js's encoding in the shader chunk once, leaving the other transfer functions", () => {
    const before = ShaderChunk.colorspace_pars_fragment;
    expect(before).toContain('pow( value.rgb, vec3( 0.41666 ) )');
    expect(installFastSrgbOutput()).toBe(true);
    const after = ShaderChunk.colorspace_pars_fragment;
    expect(after).not.toContain('pow( value.rgb, vec3( 0.41666 ) )');
    expect(after).toContain('vec4 sRGBTransferOETF( in vec4 value )');
    expect(after).toContain('sqrt( s2 )');
    // The decoding (textures) and the linear pass-through are three.js's own.
    expect(after).toContain('vec4 sRGBTransferEOTF');
    expect(after).toContain('vec4 LinearTransferOETF');
    expect(installFastSrgbOutput()).toBe(true);
    expect(ShaderChunk.colorspace_pars_fragment).toBe(after);
  });
});
