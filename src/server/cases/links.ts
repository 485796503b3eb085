import { FOLLOWUP_API, followupUrl } from '../../shared/caseLoop';
import { NEARBY_API } from '../../shared/nearby';
import { followerSecret } from './followers';

export function citizenLinks(base: string, secret: string): { followup: string; unsubscribe: string } {
  return { followup: followupUrl(base, secret), unsubscribe: `${base}${FOLLOWUP_API}/unsubscribe?k=${secret}` };
}

/** Where the track page of a ticket is (the client's /lacak/{id}). */
export const TRACK_PAGE = '/lacak/';

/** A follower's links: the public tracker of the case and the follower's own unsubscribe link. */
export function followerLinks(base: string, piiKey: Buffer, serviceRequestId: string, followerId: string): { followup: string; unsubscribe: string } {
  const root = base.replace(/\/$/, '');
  return {
    followup: `${root}${TRACK_PAGE}${encodeURIComponent(serviceRequestId)}`,
    unsubscribe: `${root}${NEARBY_API}/unfollow?f=${followerId}&k=${followerSecret(piiKey, followerId)}`,
  };
}
