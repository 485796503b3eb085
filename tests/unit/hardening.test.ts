import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/server/net/clientAddress';
import { cleanName, initialsOf, isStaffLikeName, visitorName } from '../../src/shared/names';
import { ticketPrefixes } from '../../src/shared/tickets';
import { catalogFromDisk } from './catalogFromDisk';

/** Issue 11: the small pure pieces behind names, ticket prefixes and address keys. */
describe('ticket prefixes', () => {
  it('are unique for every agency of the catalog, and Dishub is not Disdukcapil', () => {
    const catalog = catalogFromDisk();
    const prefixes = ticketPrefixes(catalog.agencies.map((a) => a.code));
    expect(new Set(prefixes.values()).size).toBe(catalog.agencies.length);
    expect(prefixes.get('dishub')).not.toBe(prefixes.get('disdukcapil'));
    expect([...prefixes.values()]).not.toContain('DIS');
    expect(prefixes.get('pu')).toBe('PU');
  });
});

describe('visitor names', () => {
  it('drop control, bidi, zero-width and format characters and fold compatibility forms', () => {
    expect(cleanName('\u202Eabc\u200B\u200D\u2066def\u0000\n')).toBe('abcdef');
    expect(cleanName('  Budi \u3000 Santoso ')).toBe('Budi Santoso');
    expect(cleanName('Ｂｕｄｉ')).toBe('Budi');
    expect([...cleanName('x'.repeat(100))].length).toBe(24);
  });
  it('recognise staff-like names, also disguised, and leave ordinary ones', () => {
    for (const n of ['Petugas Dinas PU', 'ADM1N', 'Supervisor', 'p3tugas', 'Staf.Loket', 'Ａｄｍｉｎ']) expect(isStaffLikeName(n), n).toBe(true);
    for (const n of ['Mustafa', 'Budi Santoso', 'Dinda', 'Aminah']) expect(isStaffLikeName(n), n).toBe(false);
    expect(visitorName('Petugas', 'Warga 3')).toBe('Warga 3');
    expect(visitorName('\u200B', 'Warga 4')).toBe('Warga 4');
    expect(initialsOf('Budi Santoso')).toBe('B. S.');
  });
});

describe('address keys', () => {
  it('keep IPv4 as it is and key IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
