import type { Localized } from '../../shared/i18n';

/** The service form's asking parts ("sejak kapan", the folded optional details) and the kept tickets; in the form's and tracker's lazy chunks. */
export const formStrings = {
  since_now: { id: 'Baru saja / hari ini', en: 'Just now / today' },
  since_yesterday: { id: 'Kemarin', en: 'Yesterday' },
  since_week: { id: 'Sekitar seminggu lalu', en: 'About a week ago' },
  since_date: { id: 'Lebih lama — pilih tanggal', en: 'Longer ago — pick a date' },
  sinceDateLabel: { id: 'Tanggal', en: 'Date' },
  moreDetails: { id: 'Tambah rincian (tidak wajib)', en: 'Add details (optional)' },
  rememberContact: { id: 'Ingat kontak saya di perangkat ini', en: 'Remember my contact on this device' },
  myTickets: { id: 'Laporan saya', en: 'My reports' },
  myTicketsHint: { id: 'Tersimpan hanya di perangkat ini.', en: 'Kept on this device only.' },
  keepTicket: { id: 'Simpan ke Laporan saya', en: 'Keep in My reports' },
  ticketKept: { id: 'Tersimpan di Laporan saya (hanya di perangkat ini).', en: 'Kept in My reports (on this device only).' },
  forgetTicket: { id: 'Hapus {id} dari Laporan saya', en: 'Remove {id} from My reports' },
  locationAnyPart: { id: 'Pilih kelurahan, tulis alamat atau patokan, atau gunakan lokasi Anda.', en: 'Pick the kelurahan, write an address or landmark, or use your location.' },
  locationAnyPartNoGps: { id: 'Pilih kelurahan, atau tulis alamat atau patokan.', en: 'Pick the kelurahan, or write an address or landmark.' },
  locationPoint: { id: 'titik lokasi (GPS atau peta)', en: 'location point (GPS or map)' },
  locationCoordinates: { id: 'Koordinat (lintang/bujur)', en: 'Coordinates (latitude/longitude)' },
} satisfies Record<string, Localized>;

export type FormKey = keyof typeof formStrings;
