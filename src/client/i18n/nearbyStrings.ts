import type { Localized } from '../../shared/i18n';

/** Nearby reports in the complaint form, following one, and what the tracker says of it (issue 13). */
export const nearbyStrings = {
  nearbyTitle: { id: 'Laporan serupa di sekitar Anda', en: 'Similar reports near you' },
  nearbyHint: {
    id: 'Warga lain sudah melaporkan masalah ini? Pilih "Saya juga mengalami ini" agar petugas tahu lebih banyak orang terdampak, dan ikuti perkembangannya.',
    en: 'Has someone already reported this? Choose "I have this problem too" so staff know more people are affected, and follow its progress.',
  },
  nearbyFound: { id: '{count} laporan serupa ditemukan di sekitar lokasi ini.', en: '{count} similar reports found near this place.' },
  nearbySame: { id: 'Saya juga mengalami ini', en: 'I have this problem too' },
  nearbySameFor: { id: 'Saya juga mengalami ini: laporan {id}', en: 'I have this problem too: report {id}' },
  nearbyAffected: { id: '{count} orang terdampak', en: '{count} people affected' },
  nearbyDistance: { id: '± {metres} m dari titik Anda', en: '± {metres} m from your point' },
  nearbySameKelurahan: { id: 'Di kelurahan yang sama', en: 'In the same kelurahan' },
  nearbyPhotoAlt: { id: 'Foto laporan {id} yang dipublikasikan petugas', en: 'Photo of report {id} published by staff' },
  nearbyNotMine: { id: 'Bukan masalah yang sama? Lanjutkan mengisi formulir di bawah.', en: 'Not the same problem? Go on with the form below.' },
  nearbyFollowing: { id: 'Mengirim…', en: 'Sending…' },
  nearbyEmailConsent: {
    id: 'Untuk menerima kabar ke surel Anda, centang persetujuan di bawah dulu, atau kosongkan surel.',
    en: 'To get news by e-mail, tick the consent below first, or leave the e-mail empty.',
  },
  nearbyFailed: { id: 'Belum bisa mengikuti laporan ini:', en: 'Could not follow this report:' },
  followedTitle: { id: 'Anda mengikuti laporan {id}', en: 'You are following report {id}' },
  followedCount: { id: 'Terima kasih. Kini {count} orang terdampak tercatat pada laporan ini.', en: 'Thank you. {count} people affected are now counted on this report.' },
  followedMail: { id: 'Kabar laporan ini akan dikirim ke surel Anda.', en: 'News of this report will be sent to your e-mail.' },
  followedNoMail: { id: 'Simpan nomor laporan ini untuk melacaknya.', en: 'Keep this report number to track it.' },
  followedTrack: { id: 'Lihat laporan', en: 'See the report' },
  mapLabel: { id: 'Peta untuk menandai lokasi masalah', en: 'Map to mark where the problem is' },
  mapHint: {
    id: 'Ketuk peta di lokasi masalah, atau geser peta dengan tombol panah lalu pilih "Taruh pin di tengah peta".',
    en: 'Tap the map where the problem is, or move the map with the arrow keys and choose "Put the pin at the map centre".',
  },
  mapPinCentre: { id: 'Taruh pin di tengah peta', en: 'Put the pin at the map centre' },
  mapPinned: { id: 'Lokasi yang Anda tandai', en: 'The place you marked' },
  trackerAffected: { id: 'Orang terdampak', en: 'People affected' },
  trackerMerged: { id: 'Laporan ini digabung dengan laporan {id}.', en: 'This report was merged into report {id}.' },
  trackerMergedOpen: { id: 'Lihat laporan {id}', en: 'See report {id}' },
} satisfies Record<string, Localized>;
