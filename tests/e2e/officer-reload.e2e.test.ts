import { describe, expect, it } from 'vitest';
import { joinHall, waitFor } from '../helpers/rooms';
import { newPage, E2E_DEMO_PASSWORD } from './browser';
import { signInStaff } from './helpers';
import { useServerAndBrowser } from './setup';

const WAIT = { timeout: 30_000 };
const GRACE_SECONDS = 3;

describe('an officer whose page reloads keeps their counter and queue', () => {
  const e2e = useServerAndBrowser({ env: { DEMO: '1', DEMO_PASSWORD: E2E_DEMO_PASSWORD, OFFICER_GRACE_SECONDS: String(GRACE_SECONDS) } });

  /** The officer signed in at PU, and a citizen (a room client) queued there, seen on the console. */
  async function officerWithQueuedCitizen(name: string) {
    const staff = await newPage(e2e.browser);
    await signInStaff(staff.page, e2e.srv.url, 'petugas.pu');
    const console_ = staff.page.locator('[data-staff-console]');
    await console_.locator('[data-queue-empty]').waitFor(WAIT);
    const citizen = await joinHall(e2e.srv.url, { name });
    const pu = () => citizen.room.state.counters.get('pu');
    await waitFor('PU live', () => pu()?.officer && !pu().officerAway, 30_000);
    citizen.room.send('queueTake', { counter: 'pu' });
    await waitFor('queued', () => pu().queue.length === 1);
    const ticket = pu().queue[0].ticket as string;
    await console_.locator(`[data-ticket="${ticket}"]`).waitFor(WAIT);
    return { staff, console_, citizen, pu, ticket };
  }

  it('F5 during a queue: past the grace period the citizen keeps their place and is called', { timeout: 180_000 }, async () => {
    const { staff, console_, citizen, pu, ticket } = await officerWithQueuedCitizen('Citra');
    const before = pu().officerSessionId as string;

    await staff.page.reload();
    await console_.locator(`[data-ticket="${ticket}"]`).waitFor(WAIT);
    await waitFor('the reloaded page holds the counter', () => pu().officerSessionId !== before && !pu().officerAway, 30_000);
    // Past the old connection's grace period: its avatar is gone, the counter and the queue stay.
    await waitFor('the old connection gone', () => !citizen.room.state.visitors.has(before), (GRACE_SECONDS + 20) * 1000);
    await new Promise((r) => setTimeout(r, GRACE_SECONDS * 1000));
    expect(pu().officer).not.toBe('');
    expect(pu().queue.length).toBe(1);
    expect(citizen.inbox.some((m) => m.type === 'counterClosed')).toBe(false);
    expect(await console_.locator('.notice').filter({ hasText: /dipegang|another officer/ }).count()).toBe(0);

    await console_.locator('[data-action="call-next"]').click();
    expect(await citizen.next('called')).toMatchObject({ counter: 'pu', ticket });
    await console_.locator(`.chat[data-chat="${ticket}"]`).waitFor(WAIT);
    await citizen.room.leave();
    await staff.context.close();
  });

  it('F5 mid-conversation: the reloaded console shows the chat again and the officer goes on talking', { timeout: 180_000 }, async () => {
    const { staff, console_, citizen, pu, ticket } = await officerWithQueuedCitizen('Dewi');
    await console_.locator('[data-action="call-next"]').click();
    await citizen.next('called');
    await console_.locator(`.chat[data-chat="${ticket}"]`).waitFor(WAIT);

    await staff.page.reload();
    const chat = console_.locator(`.chat[data-chat="${ticket}"]`);
    await chat.waitFor(WAIT);
    citizen.room.send('chat', { text: 'Halo, masih di sini.' });
    await expect.poll(() => chat.locator('.chat-line[data-from="citizen"] .chat-text').first().innerText().catch(() => ''), WAIT).toBe('Halo, masih di sini.');
    await chat.locator('input').fill('Baik, kita lanjutkan.');
    await chat.locator('input').press('Enter');
    await waitFor('the officer\'s line', () => citizen.inbox.some((m) => m.type === 'chat' && m.message.text === 'Baik, kita lanjutkan.'), 30_000);
    await new Promise((r) => setTimeout(r, GRACE_SECONDS * 1000 + 1000));
    expect(pu().serving).toBe(ticket);
    expect(citizen.inbox.some((m) => m.type === 'ended' || m.type === 'counterClosed')).toBe(false);
    await citizen.room.leave();
    await staff.context.close();
  });
});
