// yyyyMMddHHmmss in Vietnam's time (+07:00, no daylight saving): how Vietnamese gateways and the national public-service
// portal write instants (VNPAY 2.1.0 vnp_CreateDate/vnp_PayDate; DVCQG §15.1 NgayTiepNhan, ThoiDiemXuLy…).

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** An instant as yyyyMMddHHmmss in Vietnam's time. Throws on an invalid Date (a bug upstream, never data). */
export function formatCompactVnTime(d: Date): string {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new Error('formatCompactVnTime: invalid date');
  const v = new Date(t + VIETNAM_OFFSET_MS);
  return `${pad(v.getUTCFullYear(), 4)}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
}

/** The instant a yyyyMMddHHmmss in Vietnam's time names, or null when it is not one (wrong length, 30 February, 24:00…). */
export function parseCompactVnTime(s: string): Date | null {
  const m = COMPACT.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - VIETNAM_OFFSET_MS);
  // Date.UTC rolls 30 February over into March: a date that does not format back to itself was not a date.
  return formatCompactVnTime(d) === s ? d : null;
}
