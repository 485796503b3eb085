import type { Localized } from '../../shared/i18n';

/** "Apa yang ingin Anda laporkan atau urus?": the first step from the citizen's own words. */
export const firstStepStrings = {
  firstStepQuestion: { id: 'Apa yang ingin Anda laporkan atau urus?', en: 'What would you like to report or arrange?' },
  firstStepHint: {
    id: 'Tulis dengan kata-kata Anda sendiri, misalnya "ada anak jalanan mengemis di lampu merah".',
    en: 'Use your own words, for example "children begging at the traffic light".',
  },
  firstStepFind: { id: 'Cari loket', en: 'Find the counter' },
  firstStepEmpty: { id: 'Tulis dulu apa yang ingin Anda sampaikan.', en: 'First write what you would like to say.' },
  firstStepProposal: { id: 'Ini bisa diurus di:', en: 'This can be handled at:' },
  firstStepUnsure: {
    id: 'Kami belum yakin dinas mana. Pengaduan Umum akan meneruskannya ke dinas yang tepat.',
    en: 'We are not sure which agency. The general counter will pass it to the right one.',
  },
  firstStepGo3d: { id: 'Ya, antar ke loket ini', en: 'Yes, take me there' },
  firstStepGo: { id: 'Ya, isi formulirnya', en: 'Yes, open the form' },
  firstStepOthers: { id: 'Atau pilih:', en: 'Or choose:' },
  firstStepLoket: { id: 'Loket {n}', en: 'Counter {n}' },
  firstStepAsk: { id: 'Tanya petugas', en: 'Ask where to go' },
  firstStepClose: { id: 'Tutup', en: 'Close' },
} satisfies Record<string, Localized>;
