import { agencySummarySchema, buildCatalog, type CatalogSummary } from '../shared/catalog';

/**
 * The agencies and their services, bundled from the same scene files the server seeds its
 * Open311 service list from, without the services' forms (the build's `?summary`, see
 * scripts/agency-summaries.mjs): the forms come with the form's chunk (serviceDefinitions.ts). Validated by
 * the same schema at load.
 */
const files = import.meta.glob('../../scenes/agencies/*.json', { eager: true, import: 'default', query: '?summary' });

/** import.meta.glob's modules by the scene file's own name (`scenes/agencies/pu.json`), as the server names them in errors. */
export function byFileName(files: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path.replace(/^(\.\.\/)+/, '').replace(/\?.*$/, ''), data]));
}

export const catalog: CatalogSummary = buildCatalog(byFileName(files), agencySummarySchema);
