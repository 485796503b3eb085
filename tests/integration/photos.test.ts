import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { drainageComplaint, startServer, type TestServer } from '../helpers/server';
import { login } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-13';

/** A phone photo: JPEG with an EXIF block naming the phone and its GPS position. */
async function photoWithGps(color: string): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: color } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GpsLeak 1' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '5/1 8/1 52/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 25/1 57/1' },
    })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A tiny file that claims to be a 20,000×20,000 PNG: decoding it would take 1.2 GB. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(60_001 * 4))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function multipart(fields: Record<string, string | string[]>, files: { bytes: Buffer; name: string; type: string }[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  for (const f of files) form.append('media', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}

describe('photos on a complaint', () => {
  let s: TestServer;
  let pu: string;
  let dlh: string;
  beforeAll(async () => {
    s = await startServer();
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    await addStaff(s.server.ctx.db, { username: 'rina.dlh', display_name: 'Rina', role: 'officer', agency_code: 'dlh', password: PASSWORD });
    pu = await login(s.url, 'andi.pu', PASSWORD);
    dlh = await login(s.url, 'rina.dlh', PASSWORD);
  });
  afterAll(() => s.cleanup());

  const post = (files: { bytes: Buffer; name: string; type: string }[]) =>
    fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', body: multipart(drainageComplaint(s.apiKey), files) });
  const count = async () => Number((await s.server.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('takes two phone photos, serves them re-encoded without any EXIF to the agency\'s staff only, and media_url stays empty until one is published', async () => {
    const a = await photoWithGps('#2a5da8');
    const b = await photoWithGps('#a83a2a');
    expect((await sharp(a).metadata()).exif?.includes(Buffer.from('TestPhone'))).toBe(true);
    const res = await post([
      { bytes: a, name: 'IMG_0001.jpg', type: 'image/jpeg' },
      { bytes: b, name: 'IMG_0002.jpg', type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(201);
    const [{ service_request_id: id }] = (await res.json()) as { service_request_id: string }[];

    const list = (await (await fetch(`${s.url}/api/staff/cases/${id}/photos`, { headers: as(pu) })).json()) as { photos: { photo_id: string; url: string; thumb_url: string; width: number; height: number; published: boolean }[] };
    expect(list.photos).toHaveLength(2);
    expect(list.photos[0]).toMatchObject({ width: 1600, height: 1200, published: false });
    for (const photo of list.photos) {
      for (const url of [photo.url, photo.thumb_url]) {
        const served = await fetch(`${s.url}${url}`, { headers: as(pu) });
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/jpeg');
        const bytes = Buffer.from(await served.arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
        expect(bytes.includes(Buffer.from('TestPhone'))).toBe(false);
      }
      // Private: not to the public, not to another agency's officer.
      expect((await fetch(`${s.url}${photo.url}`)).status).toBe(404);
      expect((await fetch(`${s.url}${photo.url}`, { headers: as(dlh) })).status).toBe(404);
    }
    expect((await fetch(`${s.url}/api/staff/cases/${id}/photos`, { headers: as(dlh) })).status).toBe(404);

    const before = (await (await fetch(`${s.url}/open311/v2/requests/${id}.json`)).json()) as { media_url: string | null }[];
    expect(before[0].media_url ?? null).toBeNull();
    expect((await fetch(`${s.url}/api/staff/photos/${list.photos[1].photo_id}/publish`, { method: 'POST', headers: as(dlh) })).status).toBe(404);
    const published = await fetch(`${s.url}/api/staff/photos/${list.photos[1].photo_id}/publish`, { method: 'POST', headers: as(pu) });
    expect(published.status).toBe(200);
    const after = (await (await fetch(`${s.url}/open311/v2/requests/${id}.json`)).json()) as { media_url: string }[];
    expect(after[0].media_url).toMatch(new RegExp(`/api/photos/${list.photos[1].photo_id}\\.jpg$`));
    expect((await fetch(after[0].media_url)).status).toBe(200);
    // The other photo stays private.
    expect((await fetch(`${s.url}${list.photos[0].url}`)).status).toBe(404);
  });

  it('refuses a fourth photo, a 25 MB file, a PDF or zip named .jpg and a 20,000×20,000 PNG, storing nothing', async () => {
    const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const before = await count();
    const cases: [{ bytes: Buffer; name: string; type: string }[], number, RegExp][] = [
      [[1, 2, 3, 4].map((i) => ({ bytes: small, name: `p${i}.jpg`, type: 'image/jpeg' })), 413, /at most 3 photos/],
      [[{ bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(25 * 1024 * 1024)]), name: 'big.jpg', type: 'image/jpeg' }], 413, /larger than/],
      [[{ bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'), name: 'scan.jpg', type: 'image/jpeg' }], 415, /not a JPEG, PNG or WebP/],
      [[{ bytes: Buffer.from('PK\u0003\u0004 this is a zip archive'), name: 'photos.jpg', type: 'image/jpeg' }], 415, /not a JPEG, PNG or WebP/],
      [[{ bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('garbage that is not a jpeg')]), name: 'broken.jpg', type: 'image/jpeg' }], 415, /media\[0\]/],
    ];
    for (const [files, status, message] of cases) {
      const res = await post(files);
      expect(res.status, files[0].name).toBe(status);
      expect(await res.json()).toEqual([{ code: status, description: expect.stringMatching(message) }]);
    }
    const rssBefore = process.memoryUsage().rss;
    const bomb = await post([{ bytes: pngBomb(), name: 'bomb.png', type: 'image/png' }]);
    expect(bomb.status).toBe(413);
    expect(await bomb.json()).toEqual([{ code: 413, description: expect.stringMatching(/20000×20000 is more than 50 megapixels/) }]);
    // Decoding it would have taken 1.2 GB; refusing it from the header takes next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
    expect(await count()).toBe(before);
    const photos = await s.server.ctx.db.selectFrom('request_photos').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(photos.n)).toBe(2);
  });

  it('still takes a form-encoded or JSON complaint without photos, and a missing or forged photo id is a 404', async () => {
    const res = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', body: multipart(drainageComplaint(s.apiKey), []) });
    expect(res.status).toBe(201);
    for (const id of ['0'.repeat(32), '../../etc/passwd', "x' OR 1=1"]) {
      expect((await fetch(`${s.url}/api/photos/${encodeURIComponent(id)}.jpg`, { headers: as(pu) })).status).toBe(404);
    }
  });
});
