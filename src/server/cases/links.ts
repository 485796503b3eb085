import { FOLLOWUP_API, followupUrl } from '../../shared/caseLoop';

export function citizenLinks(base: string, secret: string): { followup: string; unsubscribe: string } {
  return { followup: followupUrl(base, secret), unsubscribe: `${base}${FOLLOWUP_API}/unsubscribe?k=${secret}` };
}
