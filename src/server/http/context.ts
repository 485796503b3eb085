import type { Kysely } from 'kysely';
import type { HallEventLog } from '../db/hallEvents';
import type { Catalog } from '../../shared/catalog';
import type { HallGeometry, HallLayout } from '../../shared/hall';
import type { Places } from '../../shared/places';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import type { Secrets } from '../secrets';
import type { CaseRules } from '../catalog/loadCaseRules';
import type { EscalationJob } from '../cases/escalation';
import type { MailWorker } from '../mail/worker';
import type { HallGate } from '../net/hallGate';
import type { SessionWatch } from '../auth/sessionWatch';
import type { RefusalLog } from '../net/refusalLog';

/** What every route needs, built once at start. */
export interface AppContext {
  config: ServerConfig;
  db: Kysely<Database>;
  dbKind: 'pglite' | 'postgres';
  catalog: Catalog;
  hall: HallLayout;
  geometry: HallGeometry;
  secrets: Secrets;
  /** Valid Open311 API keys → the name of the client application. */
  apiKeys: Map<string, string>;
  /** What happens at the counters, for the figures; one log per process, flushed before the database closes. */
  hallEvents: HallEventLog;
  /** Where the outside world reaches this server (PUBLIC_URL, else where it listens); see publicBaseUrl.ts. */
  publicBaseUrl(): string;
  /** Makassar's kecamatan and kelurahan (scenes/places). */
  places: Places;
  /** Issue 12: holidays, "is it fixed?" delays and reply templates from scenes/. */
  caseRules: CaseRules;
  /** Issue 12: sends the mail outbox (idle without SMTP_URL). */
  mail: MailWorker;
  /** Issue 12: the overdue scan. */
  escalation: EscalationJob;
  /** Per-address limits, moderation memory and visit counting for the hall (issue 11). */
  hallGate: HallGate;
  /** Tells open hall connections when a staff session ends (logout, disabled account). */
  sessions: SessionWatch;
  /** Refused messages and connection errors: one rate-limited line each, no stack traces. */
  refusals: RefusalLog;
}
