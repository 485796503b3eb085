import type { Localized } from '../../shared/i18n';

/** The projector strings, in Bahasa Indonesia and English; merged into the dictionary. */
export const projectorStrings = {
  projectorTitle: { id: 'Aula balai kota, langsung', en: 'The city hall, live' },
  projectorWorldLabel: {
    id: 'Aula balai kota dilihat dari atas: pengunjung, petugas di loket dan antrean, diperbarui langsung.',
    en: 'The city hall seen from above: visitors, officers at the counters and queues, updated live.',
  },
  projectorNo3d: {
    id: 'Tampilan 3D tidak tersedia di perangkat ini; angka langsung tetap tampil.',
    en: 'The 3D view is not available on this device; the live figures still show.',
  },
  projectorSummary: { id: 'Ringkasan', en: 'Summary' },
  projectorVisitors: { id: 'Pengunjung di aula', en: 'Visitors in the hall' },
  projectorOfficers: { id: 'Petugas bertugas', en: 'Officers on duty' },
  projectorQueued: { id: 'Dalam antrean', en: 'In a queue' },
  projectorTableCaption: { id: 'Loket, petugas dan antrean', en: 'Counters, officers and queues' },
  projectorColLoket: { id: 'Loket', en: 'Counter' },
  projectorColAgency: { id: 'Instansi', en: 'Agency' },
  projectorColOfficer: { id: 'Petugas', en: 'Officer' },
  projectorColQueue: { id: 'Antrean', en: 'Queue' },
  projectorSelfService: { id: 'Mandiri 24 jam', en: 'Self-service' },
  projectorAway: { id: '{name} (sebentar keluar)', en: '{name} (briefly away)' },
  projectorLegendOnDuty: { id: 'Hijau: petugas bertugas', en: 'Green: officer on duty' },
  projectorLegendSelf: { id: 'Kuning: layanan mandiri 24 jam', en: 'Amber: 24-hour self-service' },
  projectorBoardTitle: { id: '{loket} · {name}', en: '{loket} · {name}' },
  projectorBoardQueue: { id: '{count} antre', en: '{count} in queue' },
  projectorBoardSelf: { id: 'MANDIRI', en: 'SELF-SERVICE' },
  projectorBoardInfo: { id: 'Informasi', en: 'Information' },
  projectorBoardInfoDetail: { id: 'Lacak tiket', en: 'Track tickets' },
  projectorOpened: { id: 'Loket {loket} {name}: {officer} mulai bertugas.', en: 'Counter {loket} {name}: {officer} is now on duty.' },
  projectorClosed: { id: 'Loket {loket} {name} kembali ke layanan mandiri.', en: 'Counter {loket} {name} is back to self-service.' },
} satisfies Record<string, Localized>;
