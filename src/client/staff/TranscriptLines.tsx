import type { TranscriptLine } from '../../shared/messages';
import { toCityIso } from '../../shared/datetime';
import { useStaffT } from '../i18n/useStaffT';

/** A counter transcript line by line: a newline typed into a chat line can never pose as the officer's line. */
export function TranscriptLines({ lines }: { lines: TranscriptLine[] }) {
  const t = useStaffT();
  return (
    <ol className="transcript transcript-lines" aria-label={t('noteTranscript')}>
      {lines.map((l, j) => (
        <li key={j} data-from={l.from}>
          <time dateTime={l.at}>{toCityIso(new Date(l.at)).slice(11, 16)} WITA</time>{' '}
          <strong>
            {l.from === 'officer' ? t('transcriptOfficer') : t('transcriptCitizen')} {l.name}:
          </strong>{' '}
          <span className="transcript-text">{l.text}</span>
        </li>
      ))}
    </ol>
  );
}
