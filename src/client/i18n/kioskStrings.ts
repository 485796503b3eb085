import type { Localized } from '../../shared/i18n';

/**
 * Kiosk mode's strings, in Bahasa Indonesia and English. They travel in the kiosk chunk
 * (see kiosk/useKioskT.ts), not in the citizens' initial JS.
 */
export const kioskStrings = {
  attractTitle: { id: 'Balai Kota Virtual Makassar', en: 'Makassar Virtual City Hall' },
  attractStart: { id: 'Sentuh layar untuk mulai', en: 'Touch the screen to start' },
  attractStartHint: {
    id: 'Sampaikan pengaduan atau ajukan layanan — nomor tiket dalam satu menit.',
    en: 'File a complaint or request a service — a ticket number within a minute.',
  },
  attractLoket: { id: 'Loket {n}', en: 'Counter {n}' },
  attractInfo: { id: 'Meja Informasi', en: 'Information desk' },
  attractInfoText: {
    id: 'Lacak tiket Anda dan tanyakan loket yang tepat.',
    en: 'Track your ticket and ask which counter is right for you.',
  },
  attractOnDuty: { id: 'Petugas bertugas: {name} · {count} antre', en: 'Officer on duty: {name} · {count} in queue' },
  attractSelfService: { id: 'Layanan mandiri 24 jam', en: 'Self-service, 24 hours' },
  attractServices: { id: 'Layanan', en: 'Services' },
  attractRegion: { id: 'Tur loket balai kota', en: 'Tour of the city hall counters' },
  idleTitle: { id: 'Masih di sini?', en: 'Still there?' },
  idleText: {
    id: 'Demi privasi Anda, layar ini akan dibersihkan dalam {seconds} detik: formulir, obrolan dan nama Anda dihapus.',
    en: 'For your privacy this screen will be cleared in {seconds} seconds: your forms, chat and name are erased.',
  },
  idleStay: { id: 'Saya masih di sini', en: 'I am still here' },
  idleUnsent: {
    id: 'Laporan Anda belum terkirim (belum ada koneksi) dan Anda tidak memberi email, jadi nomor tiketnya hanya bisa tampil di layar ini, dan tidak lagi setelah layar dibersihkan. Tunggu sampai terkirim, atau buang laporan ini.',
    en: 'Your report has not been sent yet (no connection) and you gave no e-mail, so its ticket number can only appear on this screen, and no longer once it is cleared. Wait until it is sent, or discard the report.',
  },
  idleWait: { id: 'Saya tunggu sampai terkirim', en: 'I will wait until it is sent' },
  idleDiscard: { id: 'Buang laporan saya dan bersihkan', en: 'Discard my report and clear' },
  idleEndUnsent: { id: 'Bersihkan; laporan tetap dikirim tanpa nomor tiket untuk saya', en: 'Clear; send the report without a ticket number for me' },
  idleEnd: { id: 'Selesai, bersihkan sekarang', en: 'Done, clear it now' },
  resetting: { id: 'Membersihkan layar…', en: 'Clearing the screen…' },
  endVisit: { id: 'Selesai', en: 'Finish' },
  endVisitLabel: { id: 'Selesai dan hapus data saya dari layar ini', en: 'Finish and erase my data from this screen' },
} satisfies Record<string, Localized>;

export type KioskMessageKey = keyof typeof kioskStrings;
