import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseRules } from '../../src/server/catalog/loadCaseRules';
import { loadCatalog } from '../../src/server/catalog/loadCatalog';
import { escapeHtml, renderMail } from '../../src/server/mail/render';
import { followupHash, followupKey, followupSecret, looksLikeSecret } from '../../src/server/cases/followupLink';
import { addWorkingDays, toCityIso } from '../../src/shared/datetime';

const SCENES = join(import.meta.dirname, '../../scenes');

describe('time limits in working days', () => {
  it('skips weekends, national holidays and cuti bersama from scenes/holidays.json', async () => {
    const catalog = await loadCatalog(SCENES);
    const rules = await loadCaseRules(SCENES, catalog);
    // Thursday 19 March 2026 (Nyepi), 3 working days: 20 (cuti bersama), 21–22 (Idul Fitri, weekend),
    // 23–24 (cuti bersama) are skipped; due Friday 27 March.
    const filed = new Date('2026-03-19T09:00:00+08:00');
    expect(toCityIso(addWorkingDays(filed, 3, rules.holidays))).toBe('2026-03-27T09:00:00+08:00');
    expect(toCityIso(addWorkingDays(filed, 3))).toBe('2026-03-24T09:00:00+08:00');
    // Christmas 2026: Thursday 24 (cuti bersama) and Friday 25 are skipped.
    expect(toCityIso(addWorkingDays(new Date('2026-12-23T10:00:00+08:00'), 1, rules.holidays))).toBe('2026-12-28T10:00:00+08:00');
    // 2027 is in the file too (provisional until its SKB is out).
    expect(rules.holidays.has('2027-01-01')).toBe(true);
    expect(rules.fixedQuestionDays('pu-drainase')).toBe(14);
    expect(rules.fixedQuestionDays('dlh-sampah')).toBe(7);
    expect(rules.templates('pu-drainase').map((t) => t.id)).toEqual(['survei-saluran', 'diterima', 'butuh-info', 'selesai']);
  });

  it('names the file and field of a broken followup.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenes-'));
    try {
      const catalog = await loadCatalog(SCENES);
      await copyFile(join(SCENES, 'holidays.json'), join(dir, 'holidays.json'));
      await writeFile(join(dir, 'followup.json'), JSON.stringify({ reply_templates: { default: [], services: { 'no-such-service': [] } } }));
      await expect(loadCaseRules(dir, catalog)).rejects.toThrow(/followup\.json: reply_templates\.services\.no-such-service: unknown service code/);
      await writeFile(join(dir, 'followup.json'), JSON.stringify({ fixed_question_days: { default: 0 } }));
      await expect(loadCaseRules(dir, catalog)).rejects.toThrow(/followup\.json: fixed_question_days\.default:/);
      await writeFile(join(dir, 'followup.json'), '{}');
      await writeFile(join(dir, 'holidays.json'), JSON.stringify({ source: 'x', years: { 2026: { source: 'x', holidays: [{ date: '2027-01-01', name: 'x' }] } } }));
      await expect(loadCaseRules(dir, catalog)).rejects.toThrow(/holidays\.json: years\.2026\.holidays\[0\]\.date: 2027-01-01 is not in 2026/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('private links and mails', () => {
  it('derives a 256-bit secret per case and version, and stores only its hash', () => {
    const key = followupKey(Buffer.alloc(32, 1));
    const a = followupSecret(key, 'MKS-AAAA-BBBB', 1);
    expect(looksLikeSecret(a)).toBe(true);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(followupSecret(key, 'MKS-AAAA-BBBB', 2)).not.toBe(a);
    expect(followupSecret(followupKey(Buffer.alloc(32, 2)), 'MKS-AAAA-BBBB', 1)).not.toBe(a);
    expect(followupHash(a)).not.toContain(a);
    expect(looksLikeSecret('MKS-AAAA-BBBB')).toBe(false);
  });

  it('escapes every written word in the HTML part and writes the citizen language', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    const mail = renderMail({
      kind: 'update',
      entryKind: 'reply',
      lang: 'en',
      trackingNumber: 'MKS-AAAA-BBBB',
      serviceName: 'Drainage',
      agencyName: 'Public Works',
      stageLabel: 'In progress',
      message: '<script>x</script>',
      followupUrl: 'http://h/ikuti#s',
      unsubscribeUrl: 'http://h/api/followup/unsubscribe?k=s',
    });
    expect(mail.subject).toBe('[MKS-AAAA-BBBB] Reply from Public Works');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('<script>x</script>');
    expect(mail.html).toContain('lang="en"');
  });
});
