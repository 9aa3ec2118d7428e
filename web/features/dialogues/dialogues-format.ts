import dayjs, { type Dayjs } from 'dayjs';
import { vnParts } from '../dossiers/dossiers.format';

/** A time picked in the officer's calendar, as the instant in Hà Nội time (+07:00, domain README §19.1). */
export const toVnInstant = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00`;

/** An instant as the picker shows it: its Hà Nội wall-clock date and time. */
export function fromVnInstant(iso: string): Dayjs {
  const p = vnParts(iso);
  return dayjs(`${p.date}T${p.hour}:${p.minute}`);
}

/** A text field the API takes as optional: trimmed, left out when empty (the API refuses empty strings). */
export const filled = (v: string | undefined | null): string | undefined => (v?.trim() ? v.trim() : undefined);

/** The server's phone pattern (AskerInputSchema), checked here first so the asker hears it at once. */
export const PHONE = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;
