import type { Localized } from './i18n';

/**
 * Complaint-handling stages (SP4N-LAPOR! practice) and their Open311 mapping:
 * `status` stays open/closed, the stage travels in `status_notes` and, with
 * extensions=true, as `stage`.
 */
export const STAGES = ['received', 'referred', 'in_progress', 'done', 'not_our_responsibility', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageInfo {
  status: 'open' | 'closed';
  /** The Open311 sub-status commonly used for it (for_triage, internal_referral, ...). */
  open311: string;
  label: Localized;
  /** What the stage means for the citizen, in plain words. */
  explain: Localized;
}

export const STAGE_INFO: Record<Stage, StageInfo> = {
  received: {
    status: 'open',
    open311: 'for_triage',
    label: { id: 'Diterima', en: 'Received' },
    explain: {
      id: 'Laporan Anda sudah kami terima dan menunggu verifikasi.',
      en: 'We have received your report; it is waiting to be verified.',
    },
  },
  referred: {
    status: 'open',
    open311: 'internal_referral',
    label: { id: 'Diverifikasi / didisposisikan', en: 'Verified / referred' },
    explain: {
      id: 'Laporan Anda sudah diverifikasi dan diteruskan ke dinas yang berwenang.',
      en: 'Your report was verified and sent to the responsible agency.',
    },
  },
  in_progress: {
    status: 'open',
    open311: 'in_progress',
    label: { id: 'Diproses', en: 'In progress' },
    explain: { id: 'Dinas sedang menangani laporan Anda.', en: 'The agency is working on your report.' },
  },
  done: {
    status: 'closed',
    open311: 'fixed',
    label: { id: 'Selesai', en: 'Done' },
    explain: { id: 'Laporan Anda sudah selesai ditangani.', en: 'Your report has been resolved.' },
  },
  not_our_responsibility: {
    status: 'closed',
    open311: 'not_our_responsibility',
    label: { id: 'Bukan wewenang', en: 'Not our responsibility' },
    explain: {
      id: 'Masalah ini bukan wewenang Pemerintah Kota Makassar; lihat catatan untuk pihak yang berwenang.',
      en: 'This is not the responsibility of the Makassar city government; see the notes for who is.',
    },
  },
  rejected: {
    status: 'closed',
    open311: 'no_further_action',
    label: { id: 'Ditolak / diarsipkan', en: 'Rejected / archived' },
    explain: {
      id: 'Laporan tidak dapat ditindaklanjuti; lihat catatan untuk alasannya.',
      en: 'The report cannot be followed up; see the notes for why.',
    },
  },
};

/** Which stages a case may move to from each stage. */
export const NEXT_STAGES: Record<Stage, readonly Stage[]> = {
  received: ['referred', 'in_progress', 'not_our_responsibility', 'rejected'],
  referred: ['in_progress', 'done', 'not_our_responsibility', 'rejected'],
  in_progress: ['done', 'rejected'],
  done: ['in_progress'],
  not_our_responsibility: ['referred'],
  rejected: ['referred'],
};

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function canMove(from: Stage, to: Stage): boolean {
  return NEXT_STAGES[from].includes(to);
}
