import type { Localized } from '../../shared/i18n';

/** "Antar saya ke…": the walk-me-to menu and its announcement (in the shell's dictionary). */
export const wayfindingStrings = {
  takeMeTo: { id: 'Antar saya ke…', en: 'Take me to…' },
  takeMeToLead3d: { id: 'Pilih loket: avatar Anda berjalan ke sana.', en: 'Pick a counter: your avatar walks there.' },
  takeMeToLead2d: { id: 'Pilih loket untuk langsung membukanya.', en: 'Pick a counter to open it.' },
  takeMeToLoket: { id: 'Loket {n}', en: 'Counter {n}' },
  takeMeToInfo: { id: 'Info', en: 'Info' },
  announceWalking: { id: 'Berjalan ke {name}…', en: 'Walking to {name}…' },
} satisfies Record<string, Localized>;
