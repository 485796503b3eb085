import type { Localized } from '../../shared/i18n';

/** Voice at the counter (issue 14): the Talk button, call states and why Talk is unavailable. */
export const voiceStrings = {
  voiceTitle: { id: 'Suara', en: 'Voice' },
  voiceTalk: { id: 'Bicara', en: 'Talk' },
  voiceTalkHint: { id: 'Mikrofon baru diminta saat Anda menekan Bicara. Tidak direkam.', en: 'The microphone is asked for only when you press Talk. Nothing is recorded.' },
  voiceAnswer: { id: 'Bicara (jawab)', en: 'Talk (answer)' },
  voiceMute: { id: 'Bisukan mikrofon', en: 'Mute microphone' },
  voiceUnmute: { id: 'Nyalakan mikrofon', en: 'Unmute microphone' },
  voiceHangUp: { id: 'Tutup panggilan', en: 'Hang up' },
  voiceHold: { id: 'Tahan untuk bicara', en: 'Hold to talk' },
  voiceHoldHint: { id: 'Tekan dan tahan tombol (atau Spasi) selama Anda berbicara.', en: 'Press and hold the button (or Space) while you speak.' },
  voiceOnAir: { id: 'Mengudara', en: 'On air' },
  voiceMutedBadge: { id: 'Mikrofon mati', en: 'Mic off' },
  voiceOtherLevel: { id: 'Suara {name}', en: '{name}’s voice' },
  voiceState_asking: { id: 'Meminta izin mikrofon…', en: 'Asking for the microphone…' },
  voiceState_ringingOut: { id: 'Memanggil {name}…', en: 'Calling {name}…' },
  voiceState_ringingIn: { id: '{name} ingin bicara dengan Anda. Tekan Bicara untuk menjawab.', en: '{name} would like to talk with you. Press Talk to answer.' },
  voiceState_connecting: { id: 'Menyambungkan suara…', en: 'Connecting the voice call…' },
  voiceState_connected: { id: 'Tersambung dengan {name}. Anda bisa berbicara.', en: 'Connected with {name}. You can speak.' },
  voiceState_muted: { id: 'Mikrofon Anda dibisukan.', en: 'Your microphone is muted.' },
  voiceState_ended: { id: 'Panggilan suara selesai ({duration}).', en: 'The voice call has ended ({duration}).' },
  voiceDuration: { id: '{m} mnt {s} dtk', en: '{m} min {s} s' },
  voiceFail_mic_denied: {
    id: 'Mikrofon tidak diizinkan, jadi panggilan suara tidak bisa dimulai. Anda tetap bisa mengetik di chat. Untuk bicara, izinkan mikrofon di pengaturan browser.',
    en: 'The microphone was not allowed, so the voice call cannot start. You can still type in the chat. To talk, allow the microphone in your browser settings.',
  },
  voiceFail_no_mic: { id: 'Tidak ada mikrofon di perangkat ini. Silakan gunakan chat.', en: 'This device has no microphone. Please use the chat.' },
  voiceFail_no_webrtc: { id: 'Browser ini tidak mendukung panggilan suara. Silakan gunakan chat.', en: 'This browser does not support voice calls. Please use the chat.' },
  voiceFail_timeout: {
    id: 'Suara tidak tersambung dalam 10 detik (jaringan mungkin memblokirnya). Silakan lanjutkan lewat chat.',
    en: 'The voice call did not connect within 10 seconds (the network may block it). Please carry on in the chat.',
  },
  voiceFail_insecure: {
    id: 'Bicara tidak tersedia: browser hanya memberi mikrofon pada koneksi aman (HTTPS). Alamat ini memakai HTTP biasa dari perangkat lain. Gunakan chat, atau minta penyelenggara membuka alamat https://.',
    en: 'Talk is unavailable: browsers give the microphone only to a secure (HTTPS) connection, and this address is plain HTTP from another device. Use the chat, or ask the organisers for the https:// address.',
  },
  voiceFail_refused: { id: 'Panggilan suara tidak bisa dimulai sekarang. Silakan gunakan chat.', en: 'The voice call cannot start right now. Please use the chat.' },
  voiceEnded_other: { id: '{name} menutup panggilan.', en: '{name} hung up.' },
} satisfies Record<string, Localized>;

export type VoiceKey = keyof typeof voiceStrings;
