import { buildCatalog, type Service, type ServiceSummary } from '../shared/catalog';
import { byFileName } from './catalog';

/**
 * The services' full definitions (their forms' attributes, the notice after filing), from the
 * same scene files as catalog.ts. Only the form and the staff's case view import this, so it
 * comes with their chunks, not with the app's first load.
 */
const files = import.meta.glob('../../scenes/agencies/*.json', { eager: true, import: 'default' });

const full = buildCatalog(byFileName(files));

/** A service's full definition; undefined for a code no agency file has. */
export function serviceDefinition(code: string): Service | undefined {
  return full.services.get(code)?.service;
}

/** The full definition of a service the app's catalog lists (both come from the same files). */
export function fullService(summary: ServiceSummary): Service {
  const service = serviceDefinition(summary.code);
  if (!service) throw new Error(`service ${summary.code}: no definition in this build`);
  return service;
}
