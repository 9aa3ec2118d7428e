import type { Locale } from '../i18n';
import { toVnIso } from './calendar.engine';

/** An instant as messages show it, in Vietnam's time: "09:00 ngày 09/03/2026" / "09:00 on 09/03/2026". */
export function instantText(iso: string, locale: Locale): string {
  const vn = toVnIso(new Date(iso));
  const dmy = `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`;
  return locale === 'vi' ? `${vn.slice(11, 16)} ngày ${dmy}` : `${vn.slice(11, 16)} on ${dmy}`;
}
