import { describe, expect, it } from 'vitest';
import { changeStage } from '../../src/server/db/requestStore';
import { addStaff } from '../../src/server/auth/staffStore';
import { postResultSchema } from '../../src/shared/open311';
import { drainageComplaint, postForm } from '../helpers/server';
import { E2E_DEMO_PASSWORD, newPage } from './browser';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const OFFICER_PASSWORD = 'kata-sandi-teks-16';

/** The sign-in page asks the server whether a session is open; a 401 there is expected. */
const expected401 = (e: string) => /status of 401/.test(e);

/**
 * HTML a partner or a citizen sends in a description, a name or a note is text (issue 16):
 * the staff console and the citizen's tracker show the characters, and nothing of it runs.
 */
describe('user text is shown as text, never as HTML', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD } });

  it('in the staff console and the tracker', { timeout: 120_000 }, async () => {
    const description = '<img src=x onerror="window.__pwned=1"><b>Banjir</b> di <a href="javascript:window.__pwned=2">sini</a>';
    const name = '<i onmouseover="window.__pwned=3">Andi</i>';
    const note = '<script>window.__pwned=4</script><u>Tim dijadwalkan</u>';
    const response = await postForm(e2e.srv.url, drainageComplaint(e2e.srv.apiKey, { description, first_name: name, email: 'andi@example.id' }));
    expect(response.status, await response.clone().text()).toBe(201);
    const id = postResultSchema.parse(await response.json())[0].service_request_id!;
    await changeStage(e2e.srv.server.ctx.db, id, 'in_progress', note, 'petugas.pu');
    // A real officer (demo accounts never see a complainant's personal data, issue 11).
    await addStaff(e2e.srv.server.ctx.db, { username: 'teks.pu', display_name: 'Teks', role: 'officer', agency_code: 'pu', password: OFFICER_PASSWORD });

    const staff = await newPage(e2e.browser);
    const page = staff.page;
    await page.goto(`${e2e.srv.url}/petugas?mode=2d`);
    await page.locator('.login-form').waitFor(WAIT);
    await page.fill('input[autocomplete="username"]', 'teks.pu');
    await page.fill('input[type="password"]', OFFICER_PASSWORD);
    await page.click('.login-form button[type="submit"]');
    const console_ = page.locator('[data-staff-console]');
    await console_.waitFor(WAIT);
    await console_.locator('[data-tab="cases"]').click();
    await console_.locator(`[data-case="${id}"]`).click();
    const view = console_.locator(`[data-case-view="${id}"]`);
    await view.locator('.case-description').waitFor(WAIT);
    expect(await view.locator('.case-description').innerText()).toBe(description);
    expect(await view.locator('.case-description *').count()).toBe(0);
    const viewText = await view.innerText();
    expect(viewText).toContain(name);
    expect(viewText).toContain(note);
    expect(await view.locator('img[src="x"], script, u, i[onmouseover]').count()).toBe(0);

    const citizen = await newPage(e2e.browser);
    await citizen.page.goto(`${e2e.srv.url}/?mode=2d&track=${id}`);
    const history = citizen.page.locator('.history');
    await expect.poll(() => history.innerText(), WAIT).toContain('<u>Tim dijadwalkan</u>');
    expect(await history.locator('u, script').count()).toBe(0);

    for (const p of [page, citizen.page]) expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(staff.errors.filter((e) => !expected401(e))).toEqual([]);
    expect(citizen.errors).toEqual([]);
    await staff.context.close();
    await citizen.context.close();
  });
});
