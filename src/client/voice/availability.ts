/** Why Talk cannot work on this page, or null when it can (the microphone is asked for only later). */
export type VoiceUnavailable = 'insecure' | 'no_webrtc';

export function voiceUnavailable(): VoiceUnavailable | null {
  if (typeof window === 'undefined') return 'no_webrtc';
  // Browsers give the microphone only to a secure context: localhost or HTTPS.
  if (!window.isSecureContext) return 'insecure';
  if (typeof RTCPeerConnection === 'undefined' || !navigator.mediaDevices?.getUserMedia) return 'no_webrtc';
  return null;
}
