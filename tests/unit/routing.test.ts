import { describe, expect, it } from 'vitest';
import { interactionsAt, routeInteraction, suggestAgencies } from '../../src/client/api/routing';
import { catalogFromDisk } from './catalogFromDisk';

const catalog = catalogFromDisk();

describe('counter routing', () => {
  it('routes a counter interaction to the services of that kind', () => {
    const route = routeInteraction(catalog, 'pu', 'complain');
    expect(route.call).toBe('postRequest');
    if (route.call === 'postRequest') expect(route.services.map((s) => s.code)).toContain('pu-drainase');
    expect(routeInteraction(catalog, 'pu', 'track').call).toBe('request');
    expect(() => routeInteraction(catalog, 'nope', 'complain')).toThrow(/unknown counter/);
    expect(interactionsAt(catalog.agencies.find((a) => a.code === 'pu')!)).toEqual(['complain', 'request', 'track']);
  });

  it.each([
    ['Saluran di depan rumah tersumbat, banjir kalau hujan', 'pu'],
    ['Lampu jalan di Jl. Hertasning mati sudah seminggu', 'dishub'],
    ['Sampah menumpuk di TPS dekat pasar, bau sekali', 'dlh'],
    ['Banyak anak jalanan di lampu merah Pettarani', 'dinsos'],
  ])('proposes the agency for "%s"', (text, agency) => {
    expect(suggestAgencies(catalog, text)[0]?.agency.code).toBe(agency);
  });

  it('matches whole words only and proposes nothing for unrelated text', () => {
    expect(suggestAgencies(catalog, 'limbah pabrik mencemari sungai').some((s) => s.agency.code === 'tataruang')).toBe(false);
    expect(suggestAgencies(catalog, 'terima kasih')).toEqual([]);
  });
});
