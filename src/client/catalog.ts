import { buildCatalog, type Catalog } from '../shared/catalog';

/**
 * The agencies and their services, bundled from the same scene files the server seeds
 * its Open311 service list from; validated by the same schema at load.
 */
const files = import.meta.glob('../../scenes/agencies/*.json', { eager: true, import: 'default' });

export const catalog: Catalog = buildCatalog(
  Object.fromEntries(Object.entries(files).map(([path, data]) => [path.replace(/^(\.\.\/)+/, ''), data])),
);
