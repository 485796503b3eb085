import type { Lang } from '../../shared/i18n';
import type { Translate } from '../i18n/useT';
import type { DirectoryEntry } from './counterDirectory';

/** How a desk of the directory is called: its agency's name, or "Meja informasi" for the information desk. */
export function deskName(entry: DirectoryEntry, lang: Lang, t: Translate): string {
  return entry.loket === null ? t('infoDesk') : entry.name[lang];
}
