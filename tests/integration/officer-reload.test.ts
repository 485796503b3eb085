import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/server/auth/staffStore';
import { startServer, type TestServer } from '../helpers/server';
import { hallConnections, login, waitFor } from '../helpers/rooms';

const PASSWORD = 'kata-sandi-rahasia-1';

/**
 * Issue 12, point 7: an officer's F5 drops the old connection (no consented leave) and the
 * reloaded page joins again with the same staff session. The new connection takes the counter
 * over at once; the old one's grace period must never release it or drop the queue.
 */
for (const grace of [1, 600]) {
  describe(`an officer whose page reloads keeps their counter (grace period ${grace} s)`, () => {
    let s: TestServer;
    let token: string;
    const { join, leaveAll } = hallConnections();

    beforeAll(async () => {
      s = await startServer({ env: { OFFICER_GRACE_SECONDS: String(grace) } });
      await addStaff(s.server.ctx.db, { username: 'andi.pu', display_name: 'Andi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
      token = await login(s.url, 'andi.pu', PASSWORD);
    });
    afterEach(leaveAll);
    afterAll(() => s.cleanup());

    it('the new connection takes the counter over; the old connection ends without releasing it; the citizen is called', async () => {
      const officer = await join(s.url, { staffToken: token });
      const citizen = await join(s.url, { name: 'Citra' });
      const pu = () => citizen.room.state.counters.get('pu');
      await waitFor('PU live', () => pu()?.officerSessionId === officer.room.sessionId);
      citizen.room.send('queueTake', { counter: 'pu' });
      await waitFor('queued', () => pu().queue.length === 1);
      const ticket = pu().queue[0].ticket as string;

      await officer.room.leave(false); // F5: the socket drops without a consented leave
      await waitFor('officer marked away', () => pu().officerAway === true);
      const reloaded = await join(s.url, { staffToken: token });
      await waitFor('the new connection holds the counter', () => pu().officerSessionId === reloaded.room.sessionId && !pu().officerAway);
      // The old connection's grace period is over (ended by the take-over, or its 1 s ran out):
      // its avatar goes, the counter and the queue stay. With 600 s this only passes if the
      // take-over ended the grace period.
      await waitFor('old avatar gone', () => !citizen.room.state.visitors.has(officer.room.sessionId), 15_000);
      await new Promise((r) => setTimeout(r, 300)); // let any release that would follow land
      expect(pu().officer).toBe('Andi (PU)');
      expect(pu().officerSessionId).toBe(reloaded.room.sessionId);
      expect(pu().officerAway).toBe(false);
      expect(pu().queue.map((e: { ticket: string }) => e.ticket)).toEqual([ticket]);
      expect(citizen.inbox.some((m) => m.type === 'counterClosed')).toBe(false);
      // The old session's reconnection token no longer works.
      await expect(officer.client.reconnect(officer.room.reconnectionToken)).rejects.toBeTruthy();

      reloaded.room.send('callNext', {});
      expect(await citizen.next('called')).toMatchObject({ counter: 'pu', ticket, officer: 'Andi (PU)' });
    });

    it('a reload mid-conversation resumes it: the new connection serves the ticket and gets the chat', async () => {
      const officer = await join(s.url, { staffToken: token });
      const citizen = await join(s.url, { name: 'Eka Putri' });
      const pu = () => citizen.room.state.counters.get('pu');
      await waitFor('PU live', () => pu()?.officerSessionId === officer.room.sessionId);
      citizen.room.send('queueTake', { counter: 'pu' });
      await waitFor('queued', () => pu().queue.length === 1);
      officer.room.send('callNext', {});
      const called = await citizen.next('called');
      await officer.room.leave(false);
      const reloaded = await join(s.url, { staffToken: token });
      // The state tells the new page it serves that ticket (the console resumes the chat from it).
      await waitFor('serving on the new connection', () => {
        const c = reloaded.room.state.counters.get('pu');
        return c.officerSessionId === reloaded.room.sessionId && c.serving === called.ticket;
      });
      citizen.room.send('chat', { text: 'Masih di sini, Pak.' });
      expect((await reloaded.next('chat')).text).toBe('Masih di sini, Pak.');
      reloaded.room.send('chat', { text: 'Baik, kita lanjutkan.' });
      await waitFor('the officer\'s line', () => citizen.inbox.some((m) => m.type === 'chat' && m.message.text === 'Baik, kita lanjutkan.'));
      expect(pu().servingSessionId).toBe(citizen.room.sessionId);
    });

    it.skipIf(grace < 10)('another officer of the agency cannot take the counter while the officer is away; the officer\'s own reconnect resumes it', async () => {
      await addStaff(s.server.ctx.db, { username: `budi.pu.${grace}`, display_name: 'Budi (PU)', role: 'officer', agency_code: 'pu', password: PASSWORD });
      const other = await login(s.url, `budi.pu.${grace}`, PASSWORD);
      const officer = await join(s.url, { staffToken: token });
      const watcher = await join(s.url, { name: 'Dewi' });
      const pu = () => watcher.room.state.counters.get('pu');
      await waitFor('PU live', () => pu()?.officerSessionId === officer.room.sessionId);
      const token0 = officer.room.reconnectionToken;
      await officer.room.leave(false);
      await waitFor('officer marked away', () => pu().officerAway === true);
      const colleague = await join(s.url, { staffToken: other });
      await new Promise((r) => setTimeout(r, 300));
      expect(pu().officerSessionId).toBe(officer.room.sessionId);
      expect(colleague.room.state.visitors.has(officer.room.sessionId)).toBe(true);
      // Still in its grace period: the same officer's reconnect resumes it.
      const back = await officer.client.reconnect(token0);
      await waitFor('back', () => pu().officerAway === false && pu().officerSessionId === back.sessionId);
      await back.leave(true);
    });
  });
}
