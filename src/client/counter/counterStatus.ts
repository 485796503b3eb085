import type { CatalogSummary } from '../../shared/catalog';

export type CounterStatus = 'on_duty' | 'self_service';

/**
 * Every counter is self-service (24 hours) until live staff can log in; then a counter is
 * on duty while one of its officers is present.
 */
export function counterStatuses(catalog: CatalogSummary): Record<string, CounterStatus> {
  return Object.fromEntries(catalog.agencies.map((a) => [a.code, 'self_service' as const]));
}
