import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm, ROOT } from '../helpers/server';
import { E2E_DEMO_PASSWORD, newPage, PHONE } from './browser';
import { axeViolations, signInStaff } from './helpers';
import { useServerAndBrowser } from './setup';

describe('the console on a phone: merging a duplicate, and an area officer', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  it('the lead officer merges a duplicate (2 people affected); a lurah sees the case in the area with no stage form', { timeout: 180_000 }, async () => {
    const shots = join(ROOT, '.tmp', 'screenshots');
    await mkdir(shots, { recursive: true });
    const file = async () => postResultSchema.parse(await (await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey, { address_id: '73.71.14.1003' }))).json())[0].service_request_id!;
    const kept = await file();
    const duplicate = await file();

    const officer = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await signInStaff(officer.page, e2e.srv.url, 'petugas.pu');
    await officer.page.locator('[data-tab="cases"]').click();
    await officer.page.locator(`[data-case="${duplicate}"]`).click();
    const view = officer.page.locator(`[data-case-view="${duplicate}"]`);
    await view.locator('[data-field="merge-into"]').fill(kept);
    expect(await axeViolations(officer.page)).toEqual([]);
    await view.locator('[data-action="merge"]').click();
    await expect.poll(async () => (await e2e.srv.server.ctx.db.selectFrom('service_requests').select('people_affected').where('service_request_id', '=', kept).executeTakeFirstOrThrow()).people_affected).toBe(2);
    await officer.page.locator(`[data-case-view="${duplicate}"]`).getByText(`Digabung ke laporan ${kept}`).first().waitFor();
    await officer.page.screenshot({ path: join(shots, 'console-merged-phone-id.png') });
    await officer.context.close();

    await addStaff(e2e.srv.server.ctx.db, { username: 'lurah.tamalanrea-indah', display_name: 'Lurah Tamalanrea Indah', role: 'area', agency_code: null, area_code: '73.71.14.1003', password: 'kata-sandi-lurah-13' });
    const lurah = await newPage(e2e.browser, { viewport: PHONE, mobile: true });
    await signInStaff(lurah.page, e2e.srv.url, 'lurah.tamalanrea-indah', 'kata-sandi-lurah-13');
    expect(await lurah.page.locator('.console-user').innerText()).toContain('Kel. Tamalanrea Indah');
    expect(await lurah.page.locator('[data-tab]').count()).toBe(1);
    await lurah.page.locator(`[data-case="${kept}"]`).click();
    const keptView = lurah.page.locator(`[data-case-view="${kept}"]`);
    await keptView.locator('[data-testid="case-affected"]').waitFor();
    expect(await keptView.locator('[data-testid="case-affected"]').innerText()).toContain('2');
    expect(await keptView.locator('[data-action="save-stage"]').count()).toBe(0);
    expect(await keptView.locator('[data-action="merge"]').count()).toBe(0);
    expect(await axeViolations(lurah.page)).toEqual([]);
    await lurah.page.screenshot({ path: join(shots, 'console-lurah-phone-id.png') });
    await lurah.context.close();
  });
});
