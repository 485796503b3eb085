/** Whether a live officer serves a counter or its self-service officer does. */
export type CounterStatus = 'on_duty' | 'self_service';
