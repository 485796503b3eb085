import type { Localized } from '../../shared/i18n';

/** The private-link page's strings (its own lazy chunk), Bahasa Indonesia first. */
export const followupStrings = {
  title: { id: 'Tindak lanjut laporan {id}', en: 'Follow-up of report {id}' },
  loading: { id: 'Memuat percakapan…', en: 'Loading the conversation…' },
  notValid: {
    id: 'Tautan ini tidak berlaku. Periksa tautan di surel atau tiket Anda; nomor laporan saja tidak cukup.',
    en: 'This link is not valid. Check the link in your e-mail or ticket; the report number alone is not enough.',
  },
  privateNote: {
    id: 'Halaman ini pribadi: siapa pun yang memegang tautannya dapat membalas atas nama Anda. Jangan bagikan.',
    en: 'This page is private: anyone holding its link can reply in your name. Do not share it.',
  },
  stage: { id: 'Tahap', en: 'Stage' },
  agency: { id: 'Ditangani oleh', en: 'Handled by' },
  due: { id: 'Batas waktu', en: 'Due' },
  reopened: { id: 'Dibuka kembali', en: 'Reopened' },
  conversation: { id: 'Percakapan', en: 'Conversation' },
  empty: { id: 'Belum ada balasan.', en: 'No replies yet.' },
  system: { id: 'Sistem', en: 'System' },
  replyLabel: { id: 'Balas petugas', en: 'Reply to the officer' },
  replyHint: { id: 'Paling banyak 2.000 karakter.', en: 'At most 2,000 characters.' },
  send: { id: 'Kirim balasan', en: 'Send reply' },
  sent: { id: 'Balasan terkirim.', en: 'Reply sent.' },
  closedNote: { id: 'Laporan ini sudah ditutup; balasan tidak dapat dikirim.', en: 'This report is closed; replies cannot be sent.' },
  askFixed: { id: 'Laporan ditandai selesai. Apakah masalahnya sudah beres?', en: 'The report was marked as resolved. Is the problem fixed?' },
  answerWords: { id: 'Keterangan (boleh kosong)', en: 'Comment (optional)' },
  fixed: { id: 'Sudah beres', en: 'Fixed' },
  notFixed: { id: 'Belum beres', en: 'Not fixed' },
  answeredReopened: { id: 'Terima kasih. Laporan dibuka kembali dan diteruskan ke petugas.', en: 'Thank you. The report was reopened and sent back to the officer.' },
  rateLegend: { id: 'Seberapa puas Anda dengan layanan ini?', en: 'How satisfied are you with this service?' },
  star: { id: '{n} dari 5', en: '{n} of 5' },
  rateComment: { id: 'Komentar (boleh kosong)', en: 'Comment (optional)' },
  rateSend: { id: 'Kirim penilaian', en: 'Send rating' },
  rated: { id: 'Penilaian Anda: {n} dari 5. Terima kasih!', en: 'Your rating: {n} of 5. Thank you!' },
  chooseRating: { id: 'Pilih nilai 1 sampai 5.', en: 'Choose a rating from 1 to 5.' },
  failed: { id: 'Gagal: {detail}', en: 'Failed: {detail}' },
  mailOn: { id: 'Kabar terbaru dikirim ke surel Anda.', en: 'Updates are sent to your e-mail.' },
  mailOff: { id: 'Surel kabar terbaru sudah dihentikan.', en: 'E-mail updates are stopped.' },
} satisfies Record<string, Localized>;
export type FollowupKey = keyof typeof followupStrings;
