import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config';
import { CSP_DIRECTIVES, cspDirectives } from '../../src/server/http/security';

describe('MAP_TILES_URL', () => {
  it('is optional; without it the CSP is unchanged', () => {
    expect(configFromEnv({}).mapTilesUrl).toBeUndefined();
    expect(cspDirectives(undefined)).toBe(CSP_DIRECTIVES);
  });

  it('takes a tile template and allows only its origin for images', () => {
    const config = configFromEnv({ MAP_TILES_URL: 'https://tiles.makassarkota.go.id/osm/{z}/{x}/{y}.png' });
    expect(config.mapTilesUrl).toBe('https://tiles.makassarkota.go.id/osm/{z}/{x}/{y}.png');
    const csp = cspDirectives(config.mapTilesUrl);
    expect(csp.imgSrc).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.makassarkota.go.id']);
    expect(csp.connectSrc).toEqual(["'self'"]);
    expect(csp.scriptSrc).toEqual(CSP_DIRECTIVES.scriptSrc);
  });

  it('refuses anything that is not an http(s) template with {z}, {x} and {y}, naming the variable', () => {
    for (const bad of [
      'javascript:alert(1)//{z}/{x}/{y}',
      'https://tiles.example/{z}/{x}.png',
      "https://tiles.example/{z}/{x}/{y}.png; script-src 'unsafe-inline'",
      'https://tiles.example/{z}/{x}/{y}.png https://evil.example',
      'ftp://tiles.example/{z}/{x}/{y}.png',
      '//tiles.example/{z}/{x}/{y}.png',
    ]) {
      expect(() => configFromEnv({ MAP_TILES_URL: bad }), bad).toThrow(/MAP_TILES_URL/);
    }
  });
});
