import { create } from 'zustand';
import { CALL_CONNECT_SECONDS, SERVER_EVENTS, type CallEnded, type CallRole, type CallSignal } from '../../shared/messages';
import { clientConfig } from '../api';
import { useKiosk } from '../kiosk/kioskStore';
import { onCallEvent, useHall } from '../net/hallStore';
import { voiceUnavailable } from './availability';
import { Peer } from './peer';

/**
 * The voice call with the officer (or, on the staff console, the citizen): kept in this module,
 * not in a panel, so the audio goes on when the panel closes or the citizen walks away. The
 * microphone is asked for only when the person presses Talk.
 */
export type CallPhase = 'idle' | 'asking' | 'ringingOut' | 'ringingIn' | 'connecting' | 'connected' | 'ended';
export type CallFailure = 'mic_denied' | 'no_mic' | 'no_webrtc' | 'insecure' | 'timeout' | 'refused';

interface CallState {
  phase: CallPhase;
  callId: string | null;
  /** Which side this page is on. */
  role: CallRole;
  muted: boolean;
  /** A kiosk talks while a button is held (its own microphone, no open mic between visitors). */
  pushToTalk: boolean;
  failure: CallFailure | null;
  ended: CallEnded | null;
  /** How many panels show the call controls now (none: the floating call bar shows them). */
  controlsShown: number;
  /** Press Talk: start a call, or answer the one ringing. */
  talk(): Promise<void>;
  hangUp(): void;
  setMuted(muted: boolean): void;
}

let local: MediaStream | null = null;
let peer: Peer | null = null;
let audio: HTMLAudioElement | null = null;
let connectTimer: ReturnType<typeof setTimeout> | undefined;
let statsTimer: ReturnType<typeof setInterval> | undefined;
/** The other side's level (0..1), read by the level meter every frame; never React state. */
export const remoteAudio = { level: 0, bytes: 0 };

function myRole(): CallRole {
  return useHall.getState().role === 'citizen' ? 'citizen' : 'officer';
}

/** The other side of the conversation this page is in, by session id. */
function peerSession(): string | undefined {
  const hall = useHall.getState();
  const conversation = hall.conversation;
  const counter = conversation && !conversation.ended ? hall.counters[conversation.counter] : undefined;
  if (!counter) return undefined;
  return myRole() === 'citizen' ? counter.officerSessionId : counter.servingSessionId;
}

function cleanup(): void {
  clearTimeout(connectTimer);
  clearInterval(statsTimer);
  peer?.close();
  peer = null;
  for (const track of local?.getTracks() ?? []) track.stop();
  local = null;
  if (audio) {
    audio.pause();
    audio.srcObject = null;
  }
  remoteAudio.level = 0;
  remoteAudio.bytes = 0;
}

async function microphone(): Promise<MediaStream | CallFailure> {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true }, video: false });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    return name === 'NotFoundError' || name === 'OverconstrainedError' ? 'no_mic' : 'mic_denied';
  }
}

export const useCall = create<CallState>()((set, get) => {
  const send = useHall.getState().send;
  const fail = (failure: CallFailure) => {
    const { callId } = get();
    cleanup();
    set({ phase: 'idle', callId: null, failure, muted: false });
    return callId;
  };

  function applyMute(muted: boolean): void {
    for (const track of local?.getAudioTracks() ?? []) track.enabled = !muted;
    set({ muted });
  }

  async function connect(callId: string, caller: CallRole): Promise<void> {
    if (!local) return;
    const { ice_servers } = await clientConfig().catch(() => ({ ice_servers: [] }));
    if (get().callId !== callId || !local) return;
    set({ phase: 'connecting' });
    peer = new Peer(ice_servers, local, {
      signal: (m) => useHall.getState().send('callSignal', { ...m, callId } as CallSignal),
      state: (state) => {
        if (state === 'connected' && get().phase !== 'connected') {
          clearTimeout(connectTimer);
          set({ phase: 'connected' });
          useHall.getState().send('callConnected', { callId });
        } else if (state === 'failed') {
          const id = fail('timeout');
          if (id) useHall.getState().send('callHangup', { callId: id, reason: 'failed' });
        }
      },
      remoteStream: (stream) => {
        audio ??= new Audio();
        audio.autoplay = true;
        audio.srcObject = stream;
        void audio.play().catch(() => undefined);
      },
    });
    // Not connected within 10 s: the chat stays, and the person is told why.
    connectTimer = setTimeout(() => {
      if (get().phase === 'connected') return;
      const id = fail('timeout');
      if (id) useHall.getState().send('callHangup', { callId: id, reason: 'failed' });
    }, CALL_CONNECT_SECONDS * 1000);
    statsTimer = setInterval(() => {
      void peer
        ?.inbound()
        .then((s) => Object.assign(remoteAudio, s))
        .catch(() => undefined);
    }, 200);
    if (caller === myRole()) await peer.offer();
  }

  onCallEvent((type, m) => {
    const state = get();
    if (type === SERVER_EVENTS.callRinging) {
      const mine = m.caller === myRole();
      set({ callId: m.callId, phase: mine ? 'ringingOut' : 'ringingIn', ended: null, failure: null });
    } else if (type === SERVER_EVENTS.callAccepted && m.callId === state.callId) {
      void connect(m.callId, m.caller).catch(() => {
        const id = fail('timeout');
        if (id) send('callHangup', { callId: id, reason: 'failed' });
      });
    } else if (type === SERVER_EVENTS.callSignal && m.callId === state.callId) {
      void peer?.receive(m as CallSignal).catch(() => undefined);
    } else if (type === SERVER_EVENTS.callEnded && m.callId === state.callId) {
      cleanup();
      set({ phase: 'ended', callId: null, ended: m as CallEnded, muted: false });
    } else if (type === SERVER_EVENTS.refused) {
      if (m.type === 'callStart' || m.type === 'callAccept') fail('refused');
    } else if (type === 'left' && state.phase !== 'connected' && state.phase !== 'idle') {
      fail('refused');
    }
  });

  // The call lives inside the conversation: when it ends (or the page leaves the hall), so does the call.
  useHall.subscribe((s, prev) => {
    const c = s.conversation;
    if (c === prev.conversation) return;
    if ((!c || c.ended) && get().phase !== 'idle' && get().phase !== 'ended') {
      cleanup();
      set({ phase: 'idle', callId: null, muted: false });
    } else if (!c || c.ticket !== prev.conversation?.ticket) {
      // Another conversation (the officer called the next citizen): nothing of the last call carries over.
      cleanup();
      set({ phase: 'idle', callId: null, muted: false, ended: null, failure: null });
    }
  });

  return {
    phase: 'idle',
    callId: null,
    role: 'citizen',
    muted: false,
    pushToTalk: false,
    failure: null,
    ended: null,
    controlsShown: 0,
    async talk() {
      const { phase, callId } = get();
      if (phase !== 'idle' && phase !== 'ended' && phase !== 'ringingIn') return;
      const unavailable = voiceUnavailable();
      if (unavailable) return void set({ failure: unavailable });
      const to = peerSession();
      if (!to) return void set({ failure: 'refused' });
      const pushToTalk = useKiosk.getState().active;
      set({ phase: 'asking', failure: null, ended: null, role: myRole(), pushToTalk });
      const mic = await microphone();
      if (typeof mic === 'string') {
        fail(mic);
        if (phase === 'ringingIn' && callId) send('callHangup', { callId, reason: 'no_mic' });
        return;
      }
      local = mic;
      applyMute(pushToTalk);
      // The other side may have rung while the browser asked for the microphone: answer that call.
      const ringing = get().phase === 'ringingIn' ? get().callId : phase === 'ringingIn' && get().callId === callId ? callId : null;
      if (ringing) {
        set({ phase: 'connecting' });
        send('callAccept', { callId: ringing });
      } else {
        set({ phase: 'ringingOut' });
        send('callStart', { to });
      }
    },
    hangUp() {
      const { callId } = get();
      cleanup();
      set({ phase: 'idle', callId: null, muted: false });
      if (callId) send('callHangup', { callId });
    },
    setMuted: applyMute,
  };
});

/** Tests and the bench read the live connection here (like window.__makaverseWorld). */
declare global {
  interface Window {
    __makaverseCall?: { pc(): RTCPeerConnection | null; inbound(): Promise<{ level: number; bytes: number }>; state(): CallState };
  }
}
if (typeof window !== 'undefined') {
  window.__makaverseCall = {
    pc: () => peer?.pc ?? null,
    inbound: () => peer?.inbound() ?? Promise.resolve({ level: 0, bytes: 0 }),
    state: () => useCall.getState(),
  };
}
