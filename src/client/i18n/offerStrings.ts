import type { Localized } from '../../shared/i18n';

/** The ticket an officer hands over in the chat, and the private link's QR code. */
export const offerStrings = {
  offerTitle: { id: 'Tiket dari petugas', en: 'Ticket from the officer' },
  offerLead: {
    id: 'Petugas sudah membuat laporan ini untuk Anda. Tautan pribadi di bawah hanya untuk Anda.',
    en: 'The officer filed this report for you. The private link below is for you only.',
  },
  offerAttach: { id: 'Saya setuju: lampirkan percakapan ini ke laporan {id}', en: 'I agree: attach this conversation to report {id}' },
  offerAttachHint: {
    id: 'Satu ketukan: petugas yang menangani laporan dapat membaca percakapan ini.',
    en: 'One tap: the officers handling the report can read this conversation.',
  },
  qrPrivateTitle: { id: 'Tautan pribadi di ponsel Anda', en: 'Your private link on your phone' },
  qrPrivateHint: {
    id: 'Kode QR ini membuka tautan pribadi Anda (balas petugas, “Sudah beres?”). Jangan tunjukkan kepada orang lain.',
    en: 'This QR code opens your private link (reply to the officer, “Is it fixed?”). Do not show it to others.',
  },
  qrPrivateLabel: { id: 'Kode QR tautan pribadi laporan {id}', en: 'QR code of the private link of report {id}' },
} satisfies Record<string, Localized>;
