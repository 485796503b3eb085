import { agencySummarySchema, buildCatalog, type CatalogSummary } from '../shared/catalog';

/**
 * The agencies and their services, bundled from the same scene files the server seeds its
 * Open311 service list from, without the services' forms (the build's `?summary`, see
 * scripts/agency-summaries.mjs): the forms come with the form's chunk (serviceDefinitions.ts). Validated by
 * the same schema at load.
 */
const files = import.meta.glob('../../scenes/agencies/*.json', { eager: true, import: 'default', query: '?summary' });

export const catalog: CatalogSummary = buildCatalog(
  Object.fromEntries(Object.entries(files).map(([path, data]) => [path.replace(/^(\.\.\/)+/, '').replace(/\?summary$/, ''), data])),
  agencySummarySchema,
);
