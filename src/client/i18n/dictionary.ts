import type { Localized } from '../../shared/i18n';

/**
 * Every string the DOM shell shows, in Bahasa Indonesia (the default) and English.
 * `{name}` placeholders are filled by `t(key, { name })`. Catalog texts (agency and
 * service names) come from the scene files, not from here.
 */
export const dictionary = {
  appName: { id: 'Makaverse', en: 'Makaverse' },
  appTagline: { id: 'Balai Kota Virtual Makassar', en: 'Makassar Virtual City Hall' },
  skipToContent: { id: 'Lompat ke isi utama', en: 'Skip to main content' },
  language: { id: 'Bahasa', en: 'Language' },
  langId: { id: 'Bahasa Indonesia', en: 'Bahasa Indonesia' },
  langEn: { id: 'English', en: 'English' },

  welcomeTitle: { id: 'Selamat datang di Balai Kota Makassar', en: 'Welcome to Makassar City Hall' },
  welcomeLead: {
    id: 'Datangi loket dinas, sampaikan pengaduan atau ajukan layanan, dan dapatkan nomor tiket dalam satu menit. Loket layanan mandiri buka 24 jam.',
    en: 'Walk up to an agency counter, file a complaint or request a service, and get a ticket number within a minute. Self-service counters are open 24 hours.',
  },
  enter: { id: 'Masuk', en: 'Enter' },
  enterHint: { id: 'Jelajahi balai kota 3D', en: 'Explore the 3D city hall' },
  trackTicket: { id: 'Lacak tiket', en: 'Track a ticket' },
  trackHint: { id: 'Lihat perkembangan laporan Anda', en: 'See how your report is progressing' },
  mode2d: { id: 'Mode 2D', en: '2D mode' },
  mode2dHint: { id: 'Daftar loket, ringan dan mudah diakses', en: 'Counter list, light and accessible' },
  mode3d: { id: 'Mode 3D', en: '3D mode' },
  home: { id: 'Beranda', en: 'Home' },
  welcomePrivacy: {
    id: 'Tanpa akun. Pengaduan boleh anonim untuk sebagian besar layanan.',
    en: 'No account needed. Most complaints may be filed anonymously.',
  },

  avatarTitle: { id: 'Siapkan avatar Anda', en: 'Set up your avatar' },
  avatarColor: { id: 'Warna baju', en: 'Shirt colour' },
  avatarName: { id: 'Nama tampilan (opsional)', en: 'Display name (optional)' },
  avatarNameHint: {
    id: 'Terlihat oleh pengunjung lain. Jangan gunakan nama lengkap atau NIK.',
    en: 'Visible to other visitors. Do not use your full name or NIK.',
  },
  avatarStart: { id: 'Mulai', en: 'Start' },
  cancel: { id: 'Batal', en: 'Cancel' },
  colorRed: { id: 'Merah', en: 'Red' },
  colorBlue: { id: 'Biru', en: 'Blue' },
  colorGreen: { id: 'Hijau', en: 'Green' },
  colorYellow: { id: 'Kuning', en: 'Yellow' },
  colorPurple: { id: 'Ungu', en: 'Purple' },
  colorOrange: { id: 'Oranye', en: 'Orange' },

  loadingWorld: { id: 'Memuat balai kota…', en: 'Loading the city hall…' },
  loadingCode: { id: 'Mengunduh ruangan 3D ({done} dari {total})', en: 'Downloading the 3D hall ({done} of {total})' },
  loadingStart: { id: 'Menyiapkan gambar pertama…', en: 'Preparing the first frame…' },
  loadingFailed: {
    id: 'Balai kota 3D gagal dimuat. Anda tetap bisa dilayani di mode 2D.',
    en: 'The 3D hall failed to load. You can still be served in 2D mode.',
  },
  notice2dNoWebgl: {
    id: 'Perangkat ini tidak mendukung grafik 3D, jadi kami membuka mode 2D. Semua layanan tetap tersedia.',
    en: 'This device does not support 3D graphics, so we opened 2D mode. Every service is still available.',
  },
  notice2dWeak: {
    id: 'Agar hemat baterai dan kuota di perangkat ini, kami membuka mode 2D. Semua layanan tetap tersedia.',
    en: 'To save battery and data on this device, we opened 2D mode. Every service is still available.',
  },
  dismiss: { id: 'Tutup pemberitahuan', en: 'Dismiss notice' },
  tryAnyway3d: { id: 'Coba mode 3D', en: 'Try 3D mode' },

  countersTitle: { id: 'Loket layanan', en: 'Service counters' },
  countersLead: {
    id: 'Pilih loket dinas. Tidak tahu dinas mana? Gunakan Pengaduan Umum — kami teruskan ke dinas yang tepat.',
    en: 'Choose an agency counter. Not sure which one? Use the General counter — we route it to the right agency.',
  },
  statusOnDuty: { id: 'Petugas bertugas', en: 'Officer on duty' },
  statusSelfService: { id: 'Layanan mandiri 24 jam', en: 'Self-service, 24 hours' },
  hours: { id: 'Jam kerja petugas {open}–{close} WITA', en: 'Staff hours {open}–{close} WITA' },

  close: { id: 'Tutup', en: 'Close' },
  back: { id: 'Kembali', en: 'Back' },
  counterPanel: { id: 'Loket {name}', en: '{name} counter' },
  whatToDo: { id: 'Apa yang bisa kami bantu?', en: 'How can we help?' },
  interaction_complain: { id: 'Sampaikan pengaduan', en: 'File a complaint' },
  interaction_request: { id: 'Ajukan layanan', en: 'Request a service' },
  interaction_inform: { id: 'Minta informasi', en: 'Ask for information' },
  interaction_track: { id: 'Lacak tiket', en: 'Track a ticket' },
  chooseService: { id: 'Pilih jenis layanan', en: 'Choose a service' },

  generalTitle: { id: 'Ceritakan masalah Anda', en: 'Tell us about the problem' },
  generalLead: {
    id: 'Tulis dengan kata-kata Anda sendiri. Kami sarankan dinas yang berwenang; Anda yang memutuskan.',
    en: 'Write it in your own words. We suggest the responsible agency; you decide.',
  },
  generalText: { id: 'Isi pengaduan', en: 'Your complaint' },
  generalSuggest: { id: 'Cari dinas yang tepat', en: 'Find the right agency' },
  generalSuggestion: { id: 'Menurut kami, ini urusan:', en: 'We think this belongs to:' },
  generalMatched: { id: 'Kata kunci: {words}', en: 'Keywords: {words}' },
  generalConfirm: { id: 'Ya, lanjut ke {agency}', en: 'Yes, continue with {agency}' },
  generalOther: { id: 'Pilih dinas lain', en: 'Choose another agency' },
  generalAgencyLabel: { id: 'Dinas', en: 'Agency' },
  generalContinue: { id: 'Lanjut', en: 'Continue' },
  generalNoMatch: {
    id: 'Kami belum bisa menebak dinasnya. Pilih dinas di bawah, atau kirim sebagai pengaduan umum.',
    en: 'We could not tell which agency this is. Choose one below, or file it as a general complaint.',
  },
  generalAsGeneral: { id: 'Kirim sebagai pengaduan umum', en: 'File as a general complaint' },
  generalEmpty: { id: 'Tuliskan dulu masalahnya.', en: 'Please describe the problem first.' },

  required: { id: 'wajib', en: 'required' },
  optional: { id: 'opsional', en: 'optional' },
  requiredNote: { id: 'Kolom bertanda * wajib diisi.', en: 'Fields marked * are required.' },
  description: { id: 'Uraian', en: 'Description' },
  descriptionHint: {
    id: 'Apa yang terjadi, sejak kapan, dan apa dampaknya.',
    en: 'What happened, since when, and what it affects.',
  },
  detailsLegend: { id: 'Rincian', en: 'Details' },
  selectPlaceholder: { id: '— pilih —', en: '— choose —' },
  locationLegend: { id: 'Lokasi', en: 'Location' },
  address: { id: 'Alamat atau patokan', en: 'Address or landmark' },
  addressHint: { id: 'Contoh: Jl. Perintis Kemerdekaan depan masjid', en: 'E.g. Jl. Perintis Kemerdekaan, opposite the mosque' },
  useMyLocation: { id: 'Gunakan lokasi saya', en: 'Use my location' },
  locating: { id: 'Mencari lokasi…', en: 'Finding your location…' },
  locationFound: { id: 'Lokasi ditemukan.', en: 'Location found.' },
  locationFailed: {
    id: 'Lokasi tidak bisa diambil. Tulis alamatnya saja.',
    en: 'Could not get your location. Please type the address.',
  },
  lat: { id: 'Lintang (lat)', en: 'Latitude (lat)' },
  long: { id: 'Bujur (long)', en: 'Longitude (long)' },
  contactLegend: { id: 'Kontak', en: 'Contact' },
  contactOptional: {
    id: 'Opsional. Kosongkan untuk melapor secara anonim.',
    en: 'Optional. Leave empty to report anonymously.',
  },
  contactRequired: {
    id: 'Layanan ini memerlukan nama dan nomor HP atau email.',
    en: 'This service needs your name and a mobile number or email.',
  },
  firstName: { id: 'Nama depan', en: 'First name' },
  lastName: { id: 'Nama belakang', en: 'Last name' },
  phone: { id: 'Nomor HP', en: 'Mobile number' },
  email: { id: 'Email', en: 'Email' },
  consentLegend: { id: 'Data pribadi', en: 'Personal data' },
  consentText: {
    id: 'Pemerintah Kota Makassar (pengendali data, UU PDP No. 27/2022) memakai nama, nomor HP, email dan NIK yang Anda isi hanya untuk menangani dan menghubungi Anda tentang laporan ini. Data pribadi tidak ditampilkan di data publik; NIK disimpan terenkripsi dan hanya ditampilkan tersamar. Akses petugas dicatat.',
    en: 'The Makassar city government (data controller under Law 27/2022 on personal data protection) uses the name, mobile number, email and NIK you enter only to handle this report and contact you about it. Personal data is never shown in public data; the NIK is stored encrypted and shown masked only. Staff access is logged.',
  },
  consentCheck: {
    id: 'Saya setuju data pribadi saya diproses untuk laporan ini.',
    en: 'I agree that my personal data is processed for this report.',
  },
  consentNeeded: {
    id: 'Centang persetujuan karena Anda mengisi data pribadi (atau hapus data pribadinya).',
    en: 'Tick the consent box because you entered personal data (or remove that data).',
  },
  consentNone: {
    id: 'Anda tidak mengisi data pribadi; laporan dikirim secara anonim.',
    en: 'You entered no personal data; the report is filed anonymously.',
  },
  submit: { id: 'Kirim', en: 'Submit' },
  submitting: { id: 'Mengirim…', en: 'Sending…' },
  formHasErrors: {
    id: 'Ada {count} isian yang perlu diperbaiki.',
    en: '{count} fields need fixing.',
  },
  fieldError: { id: '{field}: {message}', en: '{field}: {message}' },

  ticketTitle: { id: 'Laporan Anda sudah kami terima', en: 'We have received your report' },
  ticketNumber: { id: 'Nomor tiket', en: 'Ticket number' },
  ticketToken: { id: 'Nomor antrean (token)', en: 'Queue token' },
  ticketKeep: {
    id: 'Simpan nomor ini untuk melacak perkembangan laporan Anda.',
    en: 'Keep this number to follow your report.',
  },
  copy: { id: 'Salin nomor', en: 'Copy number' },
  copied: { id: 'Nomor tiket disalin.', en: 'Ticket number copied.' },
  copyFailed: { id: 'Tidak bisa menyalin; catat nomornya.', en: 'Could not copy; please write the number down.' },
  trackThis: { id: 'Lacak tiket ini', en: 'Track this ticket' },
  trackLink: { id: 'Tautan pelacakan', en: 'Tracking link' },
  newReport: { id: 'Laporan baru', en: 'New report' },
  announceTicket: { id: 'Terkirim. Nomor tiket Anda {id}.', en: 'Sent. Your ticket number is {id}.' },
  pendingTitle: { id: 'Belum terkirim — menunggu koneksi', en: 'Not sent yet — waiting for a connection' },
  pendingText: {
    id: 'Tidak ada koneksi internet. Laporan Anda tersimpan di perangkat ini dan akan dikirim otomatis saat koneksi kembali. Nomor tiket akan muncul di sini.',
    en: 'There is no internet connection. Your report is kept on this device and will be sent automatically when the connection returns. The ticket number will appear here.',
  },
  announcePending: {
    id: 'Laporan disimpan dan menunggu koneksi.',
    en: 'Report saved, waiting for a connection.',
  },
  pendingBanner: {
    id: '{count} laporan menunggu dikirim',
    en: '{count} report(s) waiting to be sent',
  },
  submitFailed: { id: 'Laporan tidak terkirim.', en: 'The report was not sent.' },

  trackerTitle: { id: 'Lacak tiket', en: 'Track a ticket' },
  trackerLabel: { id: 'Nomor tiket', en: 'Ticket number' },
  trackerHint: { id: 'Contoh: 2026-000123', en: 'For example: 2026-000123' },
  trackerSubmit: { id: 'Lacak', en: 'Track' },
  trackerLoading: { id: 'Mencari tiket…', en: 'Looking up the ticket…' },
  trackerEmpty: { id: 'Masukkan nomor tiket.', en: 'Enter a ticket number.' },
  trackerOffline: {
    id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.',
    en: 'Cannot reach the server. Check your internet connection, then try again.',
  },
  trackerStage: { id: 'Tahap', en: 'Stage' },
  trackerService: { id: 'Layanan', en: 'Service' },
  trackerAgency: { id: 'Dinas', en: 'Agency' },
  trackerFiled: { id: 'Dilaporkan', en: 'Filed' },
  trackerExpected: { id: 'Perkiraan selesai', en: 'Expected by' },
  trackerNoExpected: { id: 'Belum ditentukan', en: 'Not set yet' },
  trackerHistory: { id: 'Riwayat', en: 'History' },
  trackerNoNotes: { id: 'Belum ada catatan.', en: 'No notes yet.' },
  announceTracked: { id: 'Tiket {id}: {stage}.', en: 'Ticket {id}: {stage}.' },

  hudTrack: { id: 'Lacak', en: 'Track' },
  hud2d: { id: '2D', en: '2D' },
  hudHelp: {
    id: 'Berjalan: tombol panah / WASD atau joystick. Dekati loket untuk dilayani.',
    en: 'Walk: arrow keys / WASD or the joystick. Go up to a counter to be served.',
  },
  nearPrompt: {
    id: 'Tekan E / Enter atau ketuk untuk dilayani',
    en: 'Press E / Enter or tap to be served',
  },
  beServed: { id: 'Dilayani di {name}', en: 'Be served at {name}' },
  infoDesk: { id: 'Meja informasi', en: 'Information desk' },

  greetMorning: { id: 'Selamat pagi', en: 'Good morning' },
  greetMidday: { id: 'Selamat siang', en: 'Good afternoon' },
  greetAfternoon: { id: 'Selamat sore', en: 'Good afternoon' },
  greetEvening: { id: 'Selamat malam', en: 'Good evening' },
  bubbleGreet: {
    id: '{greet}! Saya petugas layanan mandiri {agency}. Tekan E untuk mulai.',
    en: '{greet}! I am the self-service officer of {agency}. Press E to start.',
  },
  bubbleGreetTouch: {
    id: '{greet}! Saya petugas layanan mandiri {agency}. Ketuk tombol di bawah untuk mulai.',
    en: '{greet}! I am the self-service officer of {agency}. Tap the button below to start.',
  },
  bubbleMenu: { id: 'Silakan pilih: pengaduan, layanan, informasi, atau lacak tiket.', en: 'Please choose: complaint, service, information, or track a ticket.' },
  bubbleForm: { id: 'Baik, {service}. Isi formulirnya, ya.', en: 'All right, {service}. Please fill in the form.' },
  bubbleGeneral: { id: 'Ceritakan masalahnya; saya bantu cari dinas yang tepat.', en: 'Tell me the problem; I will find the right agency.' },
  bubbleSending: { id: 'Sedang saya kirim…', en: 'Sending it now…' },
  bubblePending: { id: 'Koneksi terputus. Laporan Anda saya simpan dulu.', en: 'The connection dropped. I am keeping your report for now.' },
  bubbleTicket: { id: 'Tiket Anda: {id}. Terima kasih!', en: 'Your ticket: {id}. Thank you!' },
  bubbleInfo: { id: 'Ada yang bisa dibantu? Saya bisa melacak tiket Anda.', en: 'Can I help? I can track your ticket.' },
  bubbleTrack: { id: 'Masukkan nomor tiket Anda.', en: 'Enter your ticket number.' },

  visitorsOnline: { id: '{count} pengunjung', en: '{count} visitors' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof dictionary;
