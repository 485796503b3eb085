import type { Localized } from '../../shared/i18n';

/** The first-visit guide's strings, in Bahasa Indonesia and English; they travel in the guide's lazy chunk (useFeatureT). */
export const guideStrings = {
  // First-visit guide
  guideLabel: { id: 'Panduan singkat', en: 'Quick guide' },
  guideStep: { id: 'Langkah {n} dari {total}', en: 'Step {n} of {total}' },
  guideSkip: { id: 'Lewati', en: 'Skip' },
  guideNext: { id: 'Berikutnya', en: 'Next' },
  guideStart: { id: 'Mulai', en: 'Start' },

  guideMoveTitle: { id: 'Cara berjalan', en: 'How to move' },
  guideMoveKeys: { id: 'Tombol panah atau W A S D untuk berjalan.', en: 'Arrow keys or W A S D to walk.' },
  guideMoveTap: { id: 'Klik atau ketuk lantai untuk berjalan ke titik itu.', en: 'Click or tap the floor to walk to that spot.' },
  guideMoveStick: { id: 'Di layar sentuh: geser joystick di kiri bawah.', en: 'On a touch screen: drag the joystick at the bottom left.' },

  guideMoveStickTouch: { id: 'Geser joystick di kiri bawah untuk berjalan.', en: 'Drag the joystick at the bottom left to walk.' },
  guideMoveTapTouch: { id: 'Atau ketuk lantai: avatar Anda berjalan ke titik itu.', en: 'Or tap the floor: your avatar walks to that spot.' },

  guideServeTitle: { id: 'Cara dilayani', en: 'How to be served' },
  guideServeTouch: { id: 'Ketuk petugasnya, atau tombol loket yang muncul di bawah.', en: 'Tap the officer, or the counter button that shows below.' },
  guideServeWalk: { id: 'Dekati loket dinas sampai namanya muncul di bawah.', en: 'Walk up to an agency counter until its name shows below.' },
  guideServeKey: { id: 'Tekan E / Enter, atau ketuk petugasnya.', en: 'Press E / Enter, or tap the officer.' },
  guideServeList: { id: 'Pilih loket dinas dari daftar.', en: 'Pick an agency counter from the list.' },
  guideServeChoose: {
    id: 'Pilih pengaduan, layanan, informasi, atau lacak tiket.',
    en: 'Choose a complaint, a service, information, or tracking a ticket.',
  },
  guideServeQueue: {
    id: 'Petugas sedang bertugas? Ambil nomor antrean untuk dilayani langsung.',
    en: 'An officer on duty? Take a queue number to be served in person.',
  },

  guideTakeTitle: { id: 'Antar saya ke…', en: 'Take me to…' },
  guideTakeButton: {
    id: 'Tidak tahu letak loketnya? Tekan tombol “Antar saya ke…” lalu pilih loket.',
    en: 'Not sure where a counter is? Press the “Take me to…” button and pick one.',
  },
  guideTakeWalk: {
    id: 'Avatar Anda berjalan ke sana dan loketnya langsung terbuka.',
    en: 'Your avatar walks there and the counter opens by itself.',
  },
  guideTakeWords: {
    id: 'Atau tulis saja apa yang ingin Anda laporkan: kami tunjukkan loketnya.',
    en: 'Or just write what you want to report: we show you the counter.',
  },
  guideTakeOpen: { id: 'Loket yang Anda pilih langsung terbuka.', en: 'The counter you pick opens at once.' },
  guideTakeGeneral: {
    id: 'Bingung harus ke mana? Loket 1 Pengaduan Umum menerima semua pengaduan dan meneruskannya ke dinas yang tepat.',
    en: 'Not sure where to go? Counter 1, the General Desk, takes any complaint and passes it to the right agency.',
  },

  // "Take me to…"
} satisfies Record<string, Localized>;

export type GuideKey = keyof typeof guideStrings;
