import { useEffect, useRef } from 'react';
import type { CaseSummary } from '../api/staffApi';
import { CITY_CENTRE, createTileMap, L, pin } from '../components/tileMap';
import { useStaffT } from '../i18n/useStaffT';

/**
 * The open cases of the list on the city's tiles (issue 13); a marker opens its case. Lazy:
 * loaded only with MAP_TILES_URL. The list beside it stays the accessible way to every case.
 */
export default function CasesMap({ tilesUrl, cases, onOpen }: { tilesUrl: string; cases: CaseSummary[]; onOpen: (id: string) => void }) {
  const t = useStaffT();
  const box = useRef<HTMLDivElement>(null);
  const placed = cases.filter((c) => c.status === 'open' && c.lat !== null && c.long !== null);

  useEffect(() => {
    if (!box.current) return;
    const map = createTileMap(box.current, tilesUrl, CITY_CENTRE, 12, t('casesMapLabel'));
    const markers = placed.map((c) => pin(map, [c.lat!, c.long!], `${c.service_request_id} · ${c.service_name}`).on('click', () => onOpen(c.service_request_id)));
    if (markers.length > 0) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 16 });
    return () => {
      map.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tilesUrl, placed.map((c) => c.service_request_id).join(',')]);

  return (
    <div className="cases-map" data-testid="cases-map">
      <p className="hint">{t('casesMapHint', { count: placed.length })}</p>
      <div ref={box} className="tile-map" tabIndex={0} />
    </div>
  );
}
