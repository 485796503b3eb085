import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './tileMap.css';

/** Makassar's centre (Balai Kota), where a map opens when there is no point yet. */
export const CITY_CENTRE: [number, number] = [-5.1354, 119.4238];

/**
 * A Leaflet map on the city's own tiles (MAP_TILES_URL); nothing from any other host. Markers
 * are drawn as vectors (no marker images to ship). Lives in the lazy map chunk only.
 */
export function createTileMap(container: HTMLElement, tilesUrl: string, centre: [number, number], zoom: number, label: string): L.Map {
  const map = L.map(container, { center: centre, zoom, keyboard: true, attributionControl: true, zoomControl: true });
  L.tileLayer(tilesUrl, { maxZoom: 19, minZoom: 10, attribution: 'Peta: Pemerintah Kota Makassar' }).addTo(map);
  container.setAttribute('role', 'application');
  container.setAttribute('aria-label', label);
  return map;
}

export function pin(map: L.Map, at: [number, number], title: string): L.CircleMarker {
  return L.circleMarker(at, { radius: 10, color: '#9e0c24', weight: 3, fillColor: '#c8102e', fillOpacity: 0.85 }).bindTooltip(title).addTo(map);
}

export { L };
