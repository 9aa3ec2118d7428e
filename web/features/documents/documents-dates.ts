import dayjs, { type Dayjs } from 'dayjs';
import { vnParts } from '../dossiers/dossiers.format';

/** Today in Hà Nội (+07:00, domain README §19.1) as a date picker's day, whatever the browser's time zone. */
export const vnToday = (): Dayjs => dayjs(vnParts(new Date().toISOString()).date);
