import { describe, expect, it } from 'vitest';
import { interactionFor, interactionsAt, proposeServices, routeInteraction } from '../../src/client/api/routing';
import { catalogFromDisk } from './catalogFromDisk';

const catalog = catalogFromDisk();
/** A network that is down: the device's own matcher must answer. */
const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;

describe('counter routing', () => {
  it('routes a counter interaction to the services of that kind', () => {
    const route = routeInteraction(catalog, 'pu', 'complain');
    expect(route.call).toBe('postRequest');
    if (route.call === 'postRequest') expect(route.services.map((s) => s.code)).toContain('pu-drainase');
    expect(routeInteraction(catalog, 'pu', 'track').call).toBe('request');
    expect(() => routeInteraction(catalog, 'nope', 'complain')).toThrow(/unknown counter/);
    expect(interactionsAt(catalog.agencies.find((a) => a.code === 'pu')!)).toEqual(['complain', 'request', 'track']);
    expect(interactionFor('request')).toBe('request');
    expect(interactionFor('information')).toBe('inform');
  });

  it.each([
    ['Saluran di depan rumah tersumbat, banjir kalau hujan', 'pu-drainase'],
    ['Lampu jalan di Jl. Hertasning mati sudah seminggu', 'dishub-lampu-jalan'],
    ['Sampah menumpuk di TPS dekat pasar, bau sekali', 'dlh-sampah'],
    ['Banyak anak jalanan di lampu merah Pettarani', 'dinsos-anak-jalanan'],
    ['ktp saya hilang', 'disdukcapil-ktp-el'],
  ])('offline, the device proposes the service for "%s"', async (text, service) => {
    const proposal = await proposeServices(catalog, text, 'id', { fetch: offline });
    expect(proposal.local).toBe(true);
    expect(proposal.unsure).toBe(false);
    expect(proposal.suggestions[0].service.code).toBe(service);
    expect(proposal.suggestions[0].matched.length).toBeGreaterThan(0);
  });

  it('is unsure, general counter first, for words that name nothing', async () => {
    const proposal = await proposeServices(catalog, 'terima kasih', 'id', { fetch: offline });
    expect(proposal.unsure).toBe(true);
    expect(proposal.suggestions[0].agency.code).toBe('general');
  });
});
