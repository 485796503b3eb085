import type { CallSignal } from '../../shared/messages';
import type { IceServer } from '../../shared/open311';

/**
 * One RTCPeerConnection for one call, audio only, peer to peer: the browser's WebRTC API with
 * the room as the signalling channel. Candidates that arrive before the remote description wait.
 */
/** A signalling message without its call id (the call adds it). */
export type PeerSignal = CallSignal extends infer S ? (S extends { callId: string } ? Omit<S, 'callId'> : never) : never;

export interface PeerEvents {
  signal(message: PeerSignal): void;
  state(state: RTCPeerConnectionState): void;
  remoteStream(stream: MediaStream): void;
}

export class Peer {
  readonly pc: RTCPeerConnection;
  private pending: RTCIceCandidateInit[] = [];
  private closed = false;

  constructor(iceServers: IceServer[], local: MediaStream, private readonly events: PeerEvents) {
    this.pc = new RTCPeerConnection({ iceServers: iceServers as RTCIceServer[] });
    for (const track of local.getAudioTracks()) this.pc.addTrack(track, local);
    this.pc.onicecandidate = (e) => {
      if (!e.candidate || !e.candidate.candidate) return;
      const c = e.candidate.toJSON();
      events.signal({ kind: 'ice', candidate: { candidate: c.candidate ?? '', sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null } });
    };
    this.pc.onconnectionstatechange = () => events.state(this.pc.connectionState);
    this.pc.ontrack = (e) => events.remoteStream(e.streams[0] ?? new MediaStream([e.track]));
  }

  async offer(): Promise<void> {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    this.events.signal({ kind: 'offer', sdp: offer.sdp ?? '' });
  }

  async receive(message: CallSignal): Promise<void> {
    if (this.closed) return;
    if (message.kind === 'ice') {
      if (this.pc.remoteDescription) await this.pc.addIceCandidate(message.candidate);
      else this.pending.push(message.candidate);
      return;
    }
    await this.pc.setRemoteDescription({ type: message.kind, sdp: message.sdp });
    for (const c of this.pending.splice(0)) await this.pc.addIceCandidate(c);
    if (message.kind === 'offer') {
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      this.events.signal({ kind: 'answer', sdp: answer.sdp ?? '' });
    }
  }

  /** The other side's speaking level (0..1) and audio bytes received so far, from getStats. */
  async inbound(): Promise<{ level: number; bytes: number }> {
    let level = 0;
    let bytes = 0;
    const stats = await this.pc.getStats();
    stats.forEach((r: { type: string; kind?: string; audioLevel?: number; bytesReceived?: number }) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        level = r.audioLevel ?? 0;
        bytes = r.bytesReceived ?? 0;
      }
    });
    return { level, bytes };
  }

  close(): void {
    this.closed = true;
    this.pc.onicecandidate = null;
    this.pc.onconnectionstatechange = null;
    this.pc.ontrack = null;
    this.pc.close();
  }
}
