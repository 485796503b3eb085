import { useEffect, useState } from 'react';
import { clientConfig } from '../api';

/**
 * The city's tile server URL when the server has MAP_TILES_URL, else null. Only then do map
 * components load their lazy chunk (Leaflet): without it no map code reaches the browser.
 */
export function useMapTiles(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    clientConfig().then(
      (c) => live && setUrl(c.map_tiles_url ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return url;
}
