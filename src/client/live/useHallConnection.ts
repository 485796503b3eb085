import { useEffect } from 'react';
import { useHall } from '../net/hallStore';
import { translate } from '../i18n';
import { useKiosk } from '../kiosk/kioskStore';
import { useAppStore } from '../state';

/**
 * Keeps this page in the hall (presence, queues, chat) while it shows the 3D hall or the
 * 2D counters, watching it as a spectator (no avatar, not counted) on the projector view and
 * behind a kiosk's attract loop, and out of it on the welcome and sign-in pages. Also turns being called into the
 * counter's panel opening, with an announcement.
 */
export function useHallConnection(): void {
  const inHall = useAppStore((s) => s.mode === '3d' || s.mode === '2d');
  // The projector, and a kiosk's attract loop (it shows which counters have an officer), watch unseen.
  const projector = useAppStore((s) => s.mode === 'projector');
  const attract = useKiosk((s) => s.active && s.phase === 'attract');
  const watching = projector || attract;
  const staffId = useAppStore((s) => s.staff?.id ?? null);
  const status = useHall((s) => s.status);

  useEffect(() => {
    const hall = useHall.getState();
    if (!inHall && !watching) {
      void hall.disconnect();
      return;
    }
    const { avatar } = useAppStore.getState();
    const options = watching ? { spectator: true } : { name: avatar.name || undefined, color: avatar.color };
    // Signing in (or out), or turning from spectator to visitor, changes who this page is in
    // the hall: leave (or abandon the join under way) and join again.
    if (hall.status === 'connected' || hall.status === 'reconnecting' || hall.status === 'connecting') {
      void hall.disconnect().then(() => useHall.getState().connect(options));
    } else {
      void hall.connect(options);
    }
  }, [inHall, watching, staffId]);

  // A join that finished after the page left the hall.
  useEffect(() => {
    if (!inHall && !watching && status === 'connected') void useHall.getState().disconnect();
  }, [inHall, watching, status]);

  useEffect(
    () =>
      useHall.subscribe((s, prev) => {
        const c = s.conversation;
        if (!c || (prev.conversation && prev.conversation.ticket === c.ticket && prev.conversation.counter === c.counter)) return;
        const app = useAppStore.getState();
        if (app.staff) return;
        const panel = app.panel;
        if (panel?.kind !== 'counter' || panel.agency !== c.counter) app.openCounter(c.counter);
        useAppStore.getState().announce(translate(app.lang, 'announceCalled', { officer: c.officer, ticket: c.ticket }));
      }),
    [],
  );
}

/** Forgets a conversation the person has finished reading. */
export function closeConversation(): void {
  useHall.setState({ conversation: null });
}
