/**
 * What the hall records for the supervisors' figures: events at the counters, never who.
 * visit: someone entered the hall; queue_take / queue_called (with the wait) /
 * queue_abandoned: the queue at a live counter; chat: a conversation with an officer began;
 * counter_open / counter_close: an officer came on duty / the counter went back to self-service.
 */
export const HALL_EVENT_KINDS = ['visit', 'queue_take', 'queue_called', 'queue_abandoned', 'chat', 'counter_open', 'counter_close'] as const;
export type HallEventKind = (typeof HALL_EVENT_KINDS)[number];
