/** The free-text routing API: one definition for server, client and tests (no dependencies, so the client's first chunk stays small). */

/** Where the server answers free-text routing. */
export const ROUTE_API = '/api/route';
/** Longest text the routing reads; longer is refused (400), not cut. */
export const MAX_ROUTE_TEXT = 1000;

export interface RouteSuggestion {
  service_code: string;
  agency_code: string;
  /** 0–1, higher is surer; comparable between suggestions of one answer only. */
  score: number;
}

export interface RouteAnswer {
  /** Best first; when unsure, the general counter comes first. */
  suggestions: RouteSuggestion[];
  unsure: boolean;
}
