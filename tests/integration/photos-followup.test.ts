import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { FOLLOWUP_HEADER, type FollowupView } from '../../src/shared/caseLoop';
import { postResultSchema } from '../../src/shared/open311';
import { login } from '../helpers/rooms';
import { drainageComplaint, startServer, type TestServer } from '../helpers/server';

const PASSWORD = 'kata-sandi-foto-balas';

async function phonePhoto(color: string): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '5/1 8/1 52/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 25/1 57/1' } })
    .toBuffer();
}

/** The first bytes of an iPhone HEIC photo: an ISO-BMFF ftyp box with the heic brand. */
function heicHeader(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write('ftypheic', 4, 'latin1');
  box.write('mif1heic', 16, 'latin1');
  return Buffer.concat([box, Buffer.alloc(2000, 7)]);
}

function form(fields: Record<string, string | string[]>, files: { bytes: Buffer; name: string; type: string }[]): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, item);
  for (const file of files) f.append('media', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return f;
}

describe('photos for the private-link holder and on a citizen reply; HEIC refused clearly', () => {
  let s: TestServer;
  let pu: string;
  let id: string;
  let secret: string;
  let other: string;

  beforeAll(async () => {
    s = await startServer();
    await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi', role: 'officer', agency_code: 'pu', password: PASSWORD });
    pu = await login(s.url, 'andi.pu', PASSWORD);
    const file = async (photos: { bytes: Buffer; name: string; type: string }[]) => {
      const response = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', body: form(drainageComplaint(s.apiKey, { email: 'budi@example.id' }), photos) });
      expect(response.status).toBe(201);
      const [result] = postResultSchema.parse(await response.json());
      return { id: result.service_request_id!, secret: result.private_link!.split('#')[1] };
    };
    ({ id, secret } = await file([{ bytes: await phonePhoto('#2a5da8'), name: 'IMG_1.jpg', type: 'image/jpeg' }]));
    other = (await file([])).secret;
  });
  afterAll(async () => {
    await s.cleanup();
  });

  const view = async (key: string) => (await (await fetch(`${s.url}/api/followup`, { headers: { [FOLLOWUP_HEADER]: key } })).json()) as FollowupView;
  const reply = (key: string, body: FormData) => fetch(`${s.url}/api/followup/reply`, { method: 'POST', headers: { [FOLLOWUP_HEADER]: key }, body });

  it('shows the report\'s photos to the link holder only, without EXIF', async () => {
    const photos = (await view(secret)).photos!;
    expect(photos).toEqual([{ photo_id: expect.stringMatching(/^[0-9a-f]{32}$/), from_reply: false }]);
    const path = `${s.url}/api/followup/photos/${photos[0].photo_id}`;
    const served = await fetch(path, { headers: { [FOLLOWUP_HEADER]: secret } });
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toContain('no-store');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect((await sharp(Buffer.from(await (await fetch(`${path}?size=thumb`, { headers: { [FOLLOWUP_HEADER]: secret } })).arrayBuffer())).metadata()).width).toBe(320);
    // No secret, another case's secret, a made-up id: the same 404.
    expect((await fetch(path)).status).toBe(404);
    expect((await fetch(path, { headers: { [FOLLOWUP_HEADER]: other } })).status).toBe(404);
    expect((await fetch(`${s.url}/api/followup/photos/..%2F..%2Fetc`, { headers: { [FOLLOWUP_HEADER]: secret } })).status).toBe(404);
    // The public still sees no photo.
    const [request] = await (await fetch(`${s.url}/open311/v2/requests/${id}.json`)).json();
    expect(request.media_url).toBeNull();
  });

  it('takes photos with a citizen\'s reply: re-encoded, shown to the link holder and the officer', async () => {
    const response = await reply(secret, form({ text: 'Ini foto terbaru, airnya makin tinggi.' }, [
      { bytes: await phonePhoto('#a83a2a'), name: 'IMG_2.jpg', type: 'image/jpeg' },
      { bytes: await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a3' } }).png().toBuffer(), name: 'layar.png', type: 'image/png' },
    ]));
    expect(response.status).toBe(201);
    const after = (await response.json()) as FollowupView;
    expect(after.photos!.map((p) => p.from_reply)).toEqual([false, true, true]);
    expect(after.entries.at(-1)?.text).toBe('Ini foto terbaru, airnya makin tinggi.');
    const staff = await (await fetch(`${s.url}/api/staff/cases/${id}/photos`, { headers: { authorization: `Bearer ${pu}` } })).json();
    expect(staff.photos).toHaveLength(3);
    for (const p of after.photos!) {
      const bytes = Buffer.from(await (await fetch(`${s.url}/api/followup/photos/${p.photo_id}`, { headers: { [FOLLOWUP_HEADER]: secret } })).arrayBuffer());
      expect(bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    }
    // A reply without photos still goes as JSON.
    const plain = await fetch(`${s.url}/api/followup/reply`, { method: 'POST', headers: { [FOLLOWUP_HEADER]: secret, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Terima kasih.' }) });
    expect(plain.status).toBe(201);
  });

  it('refuses HEIC with a 415 telling the citizen to pick JPEG/PNG, and bad files, storing nothing', async () => {
    const entriesBefore = (await view(secret)).entries.length;
    const heic = await reply(secret, form({ text: 'Foto dari iPhone' }, [{ bytes: heicHeader(), name: 'IMG_3.HEIC', type: 'image/heic' }]));
    expect(heic.status).toBe(415);
    expect((await heic.json())[0].description).toMatch(/pilih foto JPEG\/PNG/);
    const pdf = await reply(secret, form({ text: 'Dokumen' }, [{ bytes: Buffer.from('%PDF-1.7\n'.repeat(50)), name: 'foto.jpg', type: 'image/jpeg' }]));
    expect(pdf.status).toBe(415);
    const photo = await phonePhoto('#333');
    const four = await reply(secret, form({ text: 'Empat foto' }, [0, 1, 2, 3].map((i) => ({ bytes: photo, name: `f${i}.jpg`, type: 'image/jpeg' }))));
    expect(four.status).toBe(413);
    const noText = await reply(secret, form({}, [{ bytes: photo, name: 'f.jpg', type: 'image/jpeg' }]));
    expect(noText.status).toBe(400);
    const extra = await reply(secret, form({ text: 'x', stage: 'done' }, []));
    expect(extra.status).toBe(400);
    expect((await reply('A'.repeat(43), form({ text: 'x' }, []))).status).toBe(404);
    const after = await view(secret);
    expect(after.entries.length).toBe(entriesBefore);
    expect(after.photos).toHaveLength(3);

    // The Open311 POST says the same about HEIC.
    const post = await fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', body: form(drainageComplaint(s.apiKey), [{ bytes: heicHeader(), name: 'IMG_4.HEIC', type: 'image/heic' }]) });
    expect(post.status).toBe(415);
    expect((await post.json())[0].description).toMatch(/HEIC.*pilih foto JPEG\/PNG/);
  });
});
