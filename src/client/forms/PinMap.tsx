import { useEffect, useRef } from 'react';
import { useFeatureT } from '../i18n';
import { nearbyStrings } from '../i18n/nearbyStrings';
import { CITY_CENTRE, createTileMap, pin, type L } from '../components/tileMap';

interface PinMapProps {
  tilesUrl: string;
  lat: string;
  long: string;
  onPin: (lat: string, long: string) => void;
}

const parse = (lat: string, long: string): [number, number] | null => {
  const a = Number.parseFloat(lat);
  const b = Number.parseFloat(long);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
};

/**
 * Drop a pin where the problem is (issue 13): tap or click the map, or move the map with the
 * arrow keys and press "Taruh pin di tengah peta". Lazy: loaded only with MAP_TILES_URL.
 */
export default function PinMap({ tilesUrl, lat, long, onPin }: PinMapProps) {
  const t = useFeatureT(nearbyStrings);
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const onPinRef = useRef(onPin);
  onPinRef.current = onPin;
  const point = parse(lat, long);

  useEffect(() => {
    if (!box.current) return;
    const m = createTileMap(box.current, tilesUrl, point ?? CITY_CENTRE, point ? 17 : 13, t('mapLabel'));
    m.on('click', (e: L.LeafletMouseEvent) => onPinRef.current(e.latlng.lat.toFixed(6), e.latlng.lng.toFixed(6)));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
    // The map is made once; the point follows below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tilesUrl]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = point ? pin(m, point, t('mapPinned')) : null;
  }, [point?.[0], point?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  const pinCentre = () => {
    const c = map.current?.getCenter();
    if (c) onPin(c.lat.toFixed(6), c.lng.toFixed(6));
  };

  return (
    <div className="pin-map" data-testid="pin-map">
      <p className="hint">{t('mapHint')}</p>
      <div ref={box} className="tile-map" tabIndex={0} />
      <button type="button" className="secondary-button" onClick={pinCentre}>
        {t('mapPinCentre')}
      </button>
    </div>
  );
}
