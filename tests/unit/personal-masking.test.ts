import { describe, expect, it } from 'vitest';
import { redactPersonal } from '../../src/shared/personal';

/** Issue 11 point 15: the spellings that got through the old masking, and what must stay. */
describe('redactPersonal: Indonesian phone and e-mail spellings', () => {
  const phones = [
    '(0812) 99998888',
    '( 0812 ) 9999-8888',
    '0812 9999 8888',
    '0812-9999-8888',
    '0812.9999.8888',
    '081299998888',
    '+62 812-9999-8888',
    '+62812 9999 8888',
    '+62 (812) 9999 8888',
    '62 812 9999 8888',
    '6281299998888',
    '＋６２ ８１２ ９９９９ ８８８８',
  ];
  it.each(phones)('masks the phone number %s', (phone) => {
    const out = redactPersonal(`Hubungi saya di ${phone} ya pak.`);
    expect(out).toContain('[telepon]');
    expect(out.replace(/\D/g, '')).not.toMatch(/9999|8888/);
  });

  it.each(['WA 812 9999 8888', 'wa: 81299998888', 'HP 812-9999-8888', 'no hp 812.9999.8888', 'Telp. 8129 9998 888', 'nomor 0411 123 4567', 'wa.me/6281299998888'])('masks the labelled number in "%s"', (text) => {
    const out = redactPersonal(`Banjir parah. ${text}`);
    expect(out).toContain('[telepon]');
    expect(out).not.toMatch(/\d{3}/);
  });

  it.each([
    'budi.santoso@gmail.com',
    'budi.santoso＠gmail.com',
    'budi.santoso @ gmail.com',
    'budi.santoso at gmail dot com',
    'budi.santoso(at)gmail(dot)com',
    'budi.santoso [at] gmail [dot] co [dot] id',
    'budi_s at yahoo titik co titik id',
  ])('masks the e-mail address %s', (email) => {
    const out = redactPersonal(`Kirim ke ${email} terima kasih`);
    expect(out).toContain('[email]');
    expect(out).not.toMatch(/santoso|budi_s/);
  });

  it('masks NIK and KK numbers however they are spaced', () => {
    expect(redactPersonal('NIK 7371015708900003')).toBe('NIK [NIK/KK]');
    expect(redactPersonal('KK 7371 0157 0890 0003')).toBe('KK [NIK/KK]');
  });

  it.each([
    'Saluran 30 meter di RT 02 RW 05, sejak 2026-11-01.',
    'Kerugian sekitar Rp 850.000.000 menurut warga.',
    'Jalan Veteran No. 12, Makassar 90111.',
    'Pertemuan at 10 pagi di kantor lurah.',
    'Lampu padam 3 malam berturut-turut (sekitar 20 lampu).',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redactPersonal(text)).toBe(text);
  });
});
