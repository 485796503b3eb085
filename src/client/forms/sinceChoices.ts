/** "Sejak kapan?": the few answers a citizen picks instead of typing a date and time. */
export const SINCE_CHOICES = ['now', 'yesterday', 'week', 'date'] as const;
export type SinceChoice = (typeof SINCE_CHOICES)[number];

const CITY_OFFSET_MS = 8 * 3600_000;

/** A moment as the form's local datetime text in Makassar time (WITA): "2026-12-02T09:30". */
export function cityLocalInput(date: Date): string {
  return new Date(date.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 16);
}

/** The value a choice stands for, now (`date` keeps whatever date the citizen typed). */
export function sinceValue(choice: Exclude<SinceChoice, 'date'>, now: Date = new Date()): string {
  const days = { now: 0, yesterday: 1, week: 7 }[choice];
  return cityLocalInput(new Date(now.getTime() - days * 86_400_000));
}
