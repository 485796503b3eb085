import placesJson from '../../../scenes/places/makassar.json';
import { buildPlaces, placesSchema, type Places } from '../../shared/places';

/** Makassar's kelurahan, bundled (they never change during a visit and must work offline). */
export const places: Places = buildPlaces(placesSchema.parse(placesJson));
