import { CITY_UTC_OFFSET_MINUTES } from '../../shared/constants';
import type { MessageKey } from '../i18n';

/** The hour of the day in Makassar (WITA), whatever the device's time zone. */
export function cityHour(now: Date): number {
  return new Date(now.getTime() + CITY_UTC_OFFSET_MINUTES * 60_000).getUTCHours();
}

/** Selamat pagi / siang / sore / malam by the WITA clock, as Makassar says it. */
export function greetingKey(now: Date): MessageKey {
  const h = cityHour(now);
  if (h >= 3 && h < 10) return 'greetMorning';
  if (h >= 10 && h < 15) return 'greetMidday';
  if (h >= 15 && h < 18) return 'greetAfternoon';
  return 'greetEvening';
}
