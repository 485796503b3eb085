import { createContext, useContext } from 'react';
import type { Lang } from '../../shared/i18n';

/** The dashboard's words, Bahasa Indonesia first. */
export const STRINGS = {
  title: { id: 'Angka Layanan Balai Kota', en: 'City Hall Service Figures' },
  subtitle: { id: 'Per loket dan per jam, tanpa data pribadi.', en: 'Per counter and per hour, with no personal data.' },
  language: { id: 'Bahasa', en: 'Language' },
  loginTitle: { id: 'Masuk sebagai petugas', en: 'Staff sign-in' },
  loginHint: { id: 'Supervisor melihat semua loket; petugas melihat loket dinasnya.', en: 'Supervisors see every counter; officers see their own agency.' },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signingIn: { id: 'Sedang masuk…', en: 'Signing in…' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  wrongLogin: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  tooManyLogins: { id: 'Terlalu banyak percobaan. Coba lagi sebentar lagi.', en: 'Too many attempts. Try again shortly.' },
  networkError: { id: 'Server tidak dapat dihubungi.', en: 'The server cannot be reached.' },
  loading: { id: 'Memuat angka…', en: 'Loading figures…' },
  supervisor: { id: 'Supervisor', en: 'Supervisor' },
  officer: { id: 'Petugas', en: 'Officer' },
  filters: { id: 'Saring', en: 'Filter' },
  from: { id: 'Dari tanggal', en: 'From' },
  to: { id: 'Sampai tanggal', en: 'To' },
  counter: { id: 'Loket', en: 'Counter' },
  allCounters: { id: 'Semua loket', en: 'All counters' },
  kecamatan: { id: 'Kecamatan', en: 'Kecamatan (district)' },
  allKecamatan: { id: 'Seluruh kota', en: 'The whole city' },
  hall: { id: 'Aula (seluruh gedung)', en: 'Hall (whole building)' },
  show: { id: 'Tampilkan', en: 'Show' },
  downloadCsv: { id: 'Unduh CSV', en: 'Download CSV' },
  period: { id: 'Periode', en: 'Period' },
  witaNote: { id: 'Jam dalam WITA (UTC+8).', en: 'Hours in WITA (UTC+8).' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  visits: { id: 'Kunjungan', en: 'Visits' },
  queueTaken: { id: 'Nomor antrean diambil', en: 'Queue numbers taken' },
  queueCalled: { id: 'Dipanggil', en: 'Called' },
  waitAvg: { id: 'Rata-rata tunggu', en: 'Average wait' },
  waitP90: { id: 'Tunggu p90', en: 'Wait p90' },
  abandoned: { id: 'Batal antre', en: 'Left the queue' },
  chats: { id: 'Percakapan', en: 'Chats' },
  filed: { id: 'Laporan masuk', en: 'Filed' },
  complaints: { id: 'Pengaduan', en: 'Complaints' },
  requests: { id: 'Permohonan', en: 'Requests' },
  information: { id: 'Permintaan informasi', en: 'Information requests' },
  firstResponse: { id: 'Tanggapan pertama (median)', en: 'First response (median)' },
  closeTime: { id: 'Sampai selesai (median)', en: 'Time to close (median)' },
  closed: { id: 'Ditutup', en: 'Closed' },
  withinSla: { id: 'Tepat waktu (SLA)', en: 'Within SLA' },
  withinSlaPct: { id: '% tepat waktu', en: '% within SLA' },
  satisfaction: { id: 'Kepuasan (rata-rata, jumlah)', en: 'Satisfaction (mean, count)' },
  reopenRate: { id: '% dibuka kembali', en: '% reopened' },
  answeredInTime: { id: '% dijawab dalam batas waktu', en: '% answered within the limit' },
  firstReplyDays: { id: 'Balasan publik pertama (median, hari)', en: 'First public reply (median, days)' },
  calls: { id: 'Panggilan suara', en: 'Voice calls' },
  callMedian: { id: 'Lama panggilan (median)', en: 'Call length (median)' },
  callFailed: { id: 'Panggilan gagal tersambung', en: 'Calls that failed to connect' },
  ofClosed: { id: 'dari {n} yang ditutup', en: 'of {n} closed' },
  perHour: { id: 'per jam', en: 'per hour' },
  perDay: { id: 'per hari', en: 'per day' },
  waitChart: { id: 'Waktu tunggu antrean per loket (menit)', en: 'Queue waits per counter (minutes)' },
  slaChart: { id: 'Kepatuhan SLA per loket (%)', en: 'SLA compliance per counter (%)' },
  filedChart: { id: 'Laporan masuk per loket', en: 'Filed per counter' },
  activityChart: { id: 'Kunjungan, antrean dan laporan', en: 'Visits, queues and filings' },
  time: { id: 'Waktu', en: 'Time' },
  minutes: { id: 'menit', en: 'minutes' },
  showTable: { id: 'Tabel data', en: 'Data table' },
  chartLabel: { id: '{title}. Data lengkap ada di tabel data di bawah grafik.', en: '{title}. The full data is in the data table below the chart.' },
  countersTable: { id: 'Total per loket', en: 'Totals per counter' },
  noData: { id: 'Belum ada data pada periode ini.', en: 'No data in this period yet.' },
  none: { id: '—', en: '—' },
  hoursShort: { id: 'jam', en: 'h' },
  minutesShort: { id: 'mnt', en: 'min' },
  secondsShort: { id: 'dtk', en: 's' },
  csvNote: { id: 'Satu baris per loket per jam.', en: 'One row per counter per hour.' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, vars) => {
    let text: string = STRINGS[key][lang];
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
    return text;
  };
}

export const LangContext = createContext<Lang>('id');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Translate {
  return translator(useLang());
}
