import { Suspense, useCallback, useMemo, useState } from 'react';
import { INFO_DESK_CODE } from '../../shared/hall';
import { useLang, useFeatureT } from '../i18n';
import { projectorStrings } from '../i18n/projectorStrings';
import { useHall } from '../net/hallStore';
import { useLiveCounters } from '../live/useLiveCounters';
import { LoadingOverlay } from '../shell/LoadingOverlay';
import { MainRegion } from '../shell/MainRegion';
import { WorldErrorBoundary } from '../shell/WorldErrorBoundary';
import { useWorldComponent } from '../shell/useWorldComponent';
import { worldProblem } from '../shell/worldLoader';
import { ProjectorPanel } from './ProjectorPanel';
import { useCounterRows } from './useCounterRows';
import { useDutyAnnouncements } from './useDutyAnnouncements';
import { useVisitorCount } from './useVisitorCount';
import './projector.css';

const NO_BUBBLES: Record<string, string | undefined> = {};

/**
 * The projector / spectator view for a big screen: the whole hall from above with its live
 * visitors, officers and queues, beside the same figures as an accessible table. The page
 * watches the hall as a spectator (useHallConnection): it is no visitor and sends nothing.
 * Without WebGL, or if the world fails, the table alone fills the screen.
 */
export function ProjectorMode() {
  const t = useFeatureT(projectorStrings);
  const lang = useLang();
  const rows = useCounterRows();
  const visitors = useVisitorCount();
  const status = useHall((s) => s.status);
  const { statuses, officerNames, serving } = useLiveCounters();
  useDutyAnnouncements(rows, status === 'connected');

  const [can3d] = useState(() => worldProblem() === null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  const fail = useCallback(() => setFailed(true), []);
  const onReady = useCallback(() => setReady(true), []);
  const { World, progress } = useWorldComponent(can3d, fail);

  // The floor boards: which counter, and its queue or that it serves itself; and the info desk.
  const boards = useMemo(
    () => ({
      ...Object.fromEntries(
        rows.map((r) => [
          r.code,
          {
            title: t('projectorBoardTitle', { loket: r.loket, name: r.name[lang] }),
            detail: r.officer ? t('projectorBoardQueue', { count: r.queue }) : t('projectorBoardSelf'),
          },
        ]),
      ),
      [INFO_DESK_CODE]: { title: t('projectorBoardInfo'), detail: t('projectorBoardInfoDetail') },
    }),
    [rows, t, lang],
  );

  const showWorld = can3d && !failed;
  return (
    <MainRegion className="projector-mode">
      <div className={`projector-layout${showWorld ? '' : ' projector-layout--no-world'}`}>
        {showWorld && (
          <div className="projector-stage">
            <div className="projector-world" role="img" aria-label={t('projectorWorldLabel')} data-ready={ready || undefined}>
              {World && (
                <WorldErrorBoundary onError={fail}>
                  <Suspense fallback={null}>
                    <World
                      lang={lang}
                      view="overhead"
                      counterStatus={statuses}
                      officerNames={officerNames}
                      bubbles={NO_BUBBLES}
                      queueDisplay={serving}
                      deskBoards={boards}
                      onReady={onReady}
                    />
                  </Suspense>
                </WorldErrorBoundary>
              )}
            </div>
            {!ready && <LoadingOverlay progress={progress} />}
          </div>
        )}
        <ProjectorPanel rows={rows} visitors={visitors} status={status} note={showWorld ? null : t('projectorNo3d')} />
      </div>
    </MainRegion>
  );
}
