import type { Lang } from '../../shared/i18n';

/** What one mail says; rendered at send time from the case and its timeline entry. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailFacts {
  kind: 'created' | 'update' | 'fixed_question' | string;
  lang: Lang;
  trackingNumber: string;
  serviceName: string;
  agencyName: string;
  /** Stage label after the event. */
  stageLabel: string;
  /** The entry's words (reply, stage note, transfer), already in the citizen's language. */
  message: string | null;
  entryKind?: string;
  followupUrl: string;
  unsubscribeUrl: string;
  /** Issue 13: the mail goes to a follower, whose link is the public tracker, not the private link. */
  follower?: boolean;
}

/** Escapes text for HTML: every citizen- or officer-written word goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const T = {
  id: {
    created: 'Laporan Anda sudah kami terima',
    reply: 'Balasan dari',
    status: 'Status laporan Anda',
    transfer: 'Laporan Anda dialihkan',
    fixed: 'Apakah masalahnya sudah beres?',
    renewed: 'Tautan pribadi Anda diperbarui',
    renewedBody: 'Petugas mencabut tautan pribadi lama laporan Anda (misalnya karena tersebar); tautan itu tidak berlaku lagi. Gunakan tautan baru di bawah ini.',
    fixedBody: 'Laporan Anda sudah ditandai selesai. Apakah masalahnya benar-benar sudah beres? Jawab "Sudah beres" atau "Belum beres" lewat tautan pribadi Anda; bila belum, laporan dibuka kembali.',
    number: 'Nomor laporan',
    stage: 'Tahap',
    link: 'Tautan pribadi Anda (jangan dibagikan): baca percakapan, balas petugas, dan beri tahu kami bila sudah beres',
    open: 'Buka percakapan',
    unsubscribe: 'Berhenti menerima surel tentang laporan ini',
    hello: 'Halo,',
    footer: 'Surel ini dikirim oleh Makaverse, balai kota virtual Kota Makassar.',
    followed: 'Anda mengikuti laporan ini',
    followedBody: 'Terima kasih telah memberi tahu bahwa Anda juga mengalami masalah ini. Kami akan mengirim kabar laporan ini ke alamat ini.',
    followerLink: 'Lacak laporan ini',
  },
  en: {
    created: 'We have received your report',
    reply: 'Reply from',
    status: 'Your report’s status',
    transfer: 'Your report was transferred',
    fixed: 'Is the problem fixed?',
    renewed: 'Your private link was renewed',
    renewedBody: 'An officer revoked the old private link of your report (for instance because it was shared around); it no longer works. Use the new link below.',
    fixedBody: 'Your report was marked as resolved. Is the problem really fixed? Answer "Fixed" or "Not fixed" through your private link; if not, the report is reopened.',
    number: 'Report number',
    stage: 'Stage',
    link: 'Your private link (do not share it): read the conversation, reply to the officer, and tell us when it is fixed',
    open: 'Open the conversation',
    unsubscribe: 'Stop e-mails about this report',
    hello: 'Hello,',
    footer: 'This e-mail was sent by Makaverse, the virtual city hall of Makassar.',
    followed: 'You are following this report',
    followedBody: 'Thank you for telling us that you have this problem too. We will send news of this report to this address.',
    followerLink: 'Track this report',
  },
} as const;

export function renderMail(f: MailFacts): MailContent {
  const t = T[f.lang];
  let headline: string;
  let body: string;
  if (f.kind === 'followed') {
    headline = t.followed;
    body = `${t.followedBody}\n${f.serviceName} — ${f.agencyName}`;
  } else if (f.kind === 'created') {
    headline = t.created;
    body = `${f.serviceName} — ${f.agencyName}`;
  } else if (f.kind === 'link_renewed') {
    headline = t.renewed;
    body = t.renewedBody;
  } else if (f.kind === 'fixed_question') {
    headline = t.fixed;
    body = t.fixedBody;
  } else if (f.entryKind === 'transfer') {
    headline = t.transfer;
    body = f.message ?? '';
  } else if (f.entryKind === 'reply') {
    headline = `${t.reply} ${f.agencyName}`;
    body = f.message ?? '';
  } else {
    headline = `${t.status}: ${f.stageLabel}`;
    body = f.message ?? '';
  }
  const subject = `[${f.trackingNumber}] ${headline}`;
  const text = [
    t.hello,
    '',
    headline,
    '',
    body,
    '',
    `${t.number}: ${f.trackingNumber}`,
    `${t.stage}: ${f.stageLabel}`,
    '',
    `${f.follower ? t.followerLink : t.link}:`,
    f.followupUrl,
    '',
    `${t.unsubscribe}: ${f.unsubscribeUrl}`,
    '',
    t.footer,
  ].join('\n');
  const para = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
  const html = `<!doctype html><html lang="${f.lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
<p>${escapeHtml(t.hello)}</p>
<h1 style="font-size:1.25rem">${escapeHtml(headline)}</h1>
<p>${para(body)}</p>
<p>${escapeHtml(t.number)}: <strong>${escapeHtml(f.trackingNumber)}</strong><br>${escapeHtml(t.stage)}: ${escapeHtml(f.stageLabel)}</p>
<p>${escapeHtml(f.follower ? t.followerLink : t.link)}:<br><a href="${escapeHtml(f.followupUrl)}">${escapeHtml(f.follower ? f.followupUrl : t.open)}</a></p>
<p style="font-size:.85rem;color:#555">${escapeHtml(t.footer)} <a href="${escapeHtml(f.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>
</body></html>`;
  return { subject, text, html };
}
