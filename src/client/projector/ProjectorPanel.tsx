import { useId } from 'react';
import { useLang, useFeatureT } from '../i18n';
import { projectorStrings } from '../i18n/projectorStrings';
import type { ConnectionStatus } from '../net/hallStore';
import type { CounterRow } from './useCounterRows';

export interface ProjectorPanelProps {
  rows: readonly CounterRow[];
  /** Citizens in the hall now. */
  visitors: number;
  /** The hall connection, shown in words while it is not up. */
  status: ConnectionStatus;
  /** A line under the title (e.g. why there is no 3D view); default none. */
  note?: string | null;
}

/**
 * The projector's live figures as text: visitors in the hall, officers on duty, and every
 * counter's officer and queue in a real table (caption, column and row headers), so a
 * screen reader can read what the picture shows. Data attributes carry the numbers for tests.
 */
export function ProjectorPanel({ rows, visitors, status, note = null }: ProjectorPanelProps) {
  const t = useFeatureT(projectorStrings);
  const lang = useLang();
  const titleId = useId();
  const onDuty = rows.filter((r) => r.officer !== '').length;
  const queued = rows.reduce((n, r) => n + r.queue, 0);
  const connection = status === 'connecting' ? t('hallConnecting') : status === 'reconnecting' ? t('hallReconnecting') : status === 'error' ? t('hallUnavailable') : '';
  return (
    <section className="projector-panel" aria-labelledby={titleId} data-visitors={visitors} data-officers={onDuty} data-queued={queued} data-hall={status}>
      <h1 id={titleId} className="projector-title">
        {t('projectorTitle')}
      </h1>
      {note && <p className="projector-note">{note}</p>}
      <p className="projector-connection" role="status">
        {connection}
      </p>
      <dl className="projector-figures" aria-label={t('projectorSummary')}>
        <div className="projector-figure" data-figure="visitors">
          <dt>{t('projectorVisitors')}</dt>
          <dd>{visitors}</dd>
        </div>
        <div className="projector-figure" data-figure="officers">
          <dt>{t('projectorOfficers')}</dt>
          <dd>{onDuty}</dd>
        </div>
        <div className="projector-figure" data-figure="queued">
          <dt>{t('projectorQueued')}</dt>
          <dd>{queued}</dd>
        </div>
      </dl>
      <table className="projector-table">
        <caption>{t('projectorTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projectorColLoket')}</th>
            <th scope="col">{t('projectorColAgency')}</th>
            <th scope="col">{t('projectorColOfficer')}</th>
            <th scope="col" className="projector-num">
              {t('projectorColQueue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const on = r.officer !== '';
            return (
              <tr key={r.code} data-counter={r.code} data-status={on ? 'on_duty' : 'self_service'} data-queue={r.queue}>
                <td className="projector-num">{r.loket}</td>
                <th scope="row">{r.name[lang]}</th>
                <td>
                  <span className={`projector-dot projector-dot--${on ? 'on' : 'self'}`} aria-hidden="true" />
                  {on ? (r.officerAway ? t('projectorAway', { name: r.officer }) : r.officer) : t('projectorSelfService')}
                </td>
                <td className="projector-num">{on ? r.queue : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="projector-legend">
        <li>
          <span className="projector-dot projector-dot--on" aria-hidden="true" />
          {t('projectorLegendOnDuty')}
        </li>
        <li>
          <span className="projector-dot projector-dot--self" aria-hidden="true" />
          {t('projectorLegendSelf')}
        </li>
      </ul>
    </section>
  );
}
