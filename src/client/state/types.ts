import type { Interaction } from '../api';
import type { Lang } from '../../shared/i18n';
import type { StaffProfile } from '../../shared/staff';

// The app state's shape, in one place: the slices and the store both import it from here,
// so no slice imports the store that assembles it.

/**
 * welcome: the DOM landing page; 3d: the walkable hall; 2d: the counter list without a canvas;
 * staffLogin: the staff sign-in page (/petugas); projector: the whole hall from above for a big
 * screen (/proyektor).
 */
export type Mode = 'welcome' | '3d' | '2d' | 'staffLogin' | 'projector';

/** What is open over (3D) or beside (2D) the hall. */
export type Panel = { kind: 'counter'; agency: string } | { kind: 'tracker'; ticket?: string } | { kind: 'avatar' } | null;

/** Why 2D mode was opened for the citizen instead of 3D. */
export type Notice = 'no_webgl' | 'weak_device' | 'load_failed' | null;

export interface UiSlice {
  lang: Lang;
  mode: Mode;
  panel: Panel;
  /** The counter (agency code, or 'info' for the information desk) the avatar stands at. */
  nearCounter: string | null;
  notice: Notice;
  /** The latest message for the aria-live region; `seq` makes a repeated text be read again. */
  announcement: { text: string; seq: number };
  setLang: (lang: Lang) => void;
  setMode: (mode: Mode, notice?: Notice) => void;
  openCounter: (agency: string) => void;
  openTracker: (ticket?: string) => void;
  openAvatar: () => void;
  closePanel: () => void;
  setNearCounter: (code: string | null) => void;
  dismissNotice: () => void;
  announce: (text: string) => void;
}

export interface Avatar {
  color: string;
  /** Optional display name shown above the avatar; never the citizen's identity. */
  name: string;
}

export interface AvatarSlice {
  avatar: Avatar;
  setAvatar: (avatar: Avatar) => void;
}

/** Where the citizen is in a counter's conversation. */
export type Step = 'menu' | 'services' | 'general' | 'form' | 'result';

/** A filed report: pending while the outbox waits for a connection, sent with its ticket. */
export interface Filed {
  /** The outbox entry (and Idempotency-Key). */
  entryId: string;
  agency: string;
  serviceCode: string;
  state: 'pending' | 'sent';
  /** service_request_id, or the token of a batch service until it has an id. */
  ticket?: string;
  isToken?: boolean;
  notice?: string;
}

export interface CounterSlice {
  step: Step;
  interaction: Interaction | null;
  serviceCode: string | null;
  /** Description carried over from the general counter's free text. */
  prefill: string;
  /** True when the form was reached through the general counter (Back returns there). */
  viaGeneral: boolean;
  filed: Filed | null;
  /** The last ticket per counter, for its queue display. */
  lastTickets: Record<string, string>;
  chooseInteraction: (interaction: Interaction) => void;
  chooseService: (serviceCode: string) => void;
  /** The general counter hands the complaint over to an agency's complaint form. */
  routeComplaint: (agency: string, serviceCode: string, text: string) => void;
  setFiled: (filed: Filed) => void;
  back: () => void;
  resetFlow: () => void;
}

export interface OutboxSlice {
  /** Reports kept on this device that the server has not stored yet. */
  pendingCount: number;
  /** Tickets of reports sent in the background (filed offline earlier), not yet acknowledged. */
  delivered: string[];
  setPendingCount: (count: number) => void;
  addDelivered: (ticket: string) => void;
  dismissDelivered: () => void;
}

export interface StaffSlice {
  /** The staff member logged in on this device; null for citizens. */
  staff: StaffProfile | null;
  /** Whether the staff console is expanded (phones collapse it to a bar). */
  consoleOpen: boolean;
  setStaff: (staff: StaffProfile | null) => void;
  setConsoleOpen: (open: boolean) => void;
}

export type AppState = UiSlice & AvatarSlice & CounterSlice & OutboxSlice & StaffSlice;
