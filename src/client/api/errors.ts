import type { Lang, Localized } from '../../shared/i18n';
import type { Open311Error } from '../../shared/open311';

export type ApiErrorKind = 'network' | 'http' | 'invalid_response';

/** A failed Open311 call: the network was down, the server said no, or its answer was malformed. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly errors: Open311Error[] = [],
    message?: string,
  ) {
    super(message ?? errors.map((e) => e.description).join('; ') ?? kind);
    this.name = 'ApiError';
  }

  /** Worth trying again later with the same Idempotency-Key: offline, rate-limited or a server fault. */
  get retryable(): boolean {
    return this.kind === 'network' || this.status === 429 || this.status === 408 || this.status >= 500;
  }
}

const TEXT: Record<string, Localized> = {
  network: {
    id: 'Tidak ada koneksi ke server. Laporan Anda disimpan di perangkat ini dan akan dikirim otomatis saat koneksi kembali.',
    en: 'No connection to the server. Your report is kept on this device and will be sent automatically when the connection returns.',
  },
  network_lookup: {
    id: 'Tidak ada koneksi ke server. Periksa jaringan Anda, lalu coba lagi.',
    en: 'No connection to the server. Check your network, then try again.',
  },
  invalid_response: {
    id: 'Server memberi jawaban yang tidak dapat dibaca. Silakan coba lagi nanti.',
    en: 'The server gave an answer we could not read. Please try again later.',
  },
  400: { id: 'Ada isian yang belum benar: {detail}', en: 'Something in the form is not right: {detail}' },
  403: { id: 'Aplikasi ini tidak diizinkan mengirim ke server tersebut (kunci API ditolak).', en: 'This app is not allowed to send to that server (API key refused).' },
  404: { id: 'Tidak ditemukan. Periksa kembali nomor tiket atau layanan.', en: 'Not found. Please check the ticket number or service.' },
  413: { id: 'Isian terlalu besar untuk dikirim.', en: 'The form is too large to send.' },
  429: { id: 'Terlalu banyak pengiriman. Tunggu sebentar, lalu coba lagi.', en: 'Too many submissions. Wait a moment, then try again.' },
  server: { id: 'Server sedang bermasalah. Laporan Anda akan dicoba kirim lagi.', en: 'The server has a problem. We will try sending your report again.' },
  other: { id: 'Permintaan gagal ({status}).', en: 'The request failed ({status}).' },
};

/**
 * Turns any error from the API layer into a sentence a citizen understands; `context` says
 * whether it failed while submitting (kept in the outbox) or looking something up.
 */
export function describeApiError(error: unknown, lang: Lang, context: 'submit' | 'lookup' = 'submit'): string {
  if (!(error instanceof ApiError)) return TEXT.invalid_response[lang];
  if (error.kind === 'network') return TEXT[context === 'lookup' ? 'network_lookup' : 'network'][lang];
  if (error.kind !== 'http') return TEXT[error.kind][lang];
  const detail = error.errors.map((e) => e.description).join('; ');
  const entry = TEXT[error.status] ?? (error.status >= 500 ? TEXT.server : TEXT.other);
  return entry[lang].replace('{detail}', detail).replace('{status}', String(error.status));
}
