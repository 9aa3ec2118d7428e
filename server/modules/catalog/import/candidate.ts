// What a source file row becomes before it is written: content plus the findings to report.
import type { VersionContent } from '../catalog.repository';
import type { RowMessage } from '../catalog.parsing';

/** One source row ready to import; `content` is null when the row cannot be imported at all. */
export interface ImportCandidate {
  /** 1-based position: the record's index in a JSON file, the sheet row in Excel. */
  row: number;
  /** The code given by the source (null ⇒ a local code is issued or a code-less procedure matched by name). */
  code: string | null;
  name: string | null;
  content: VersionContent | null;
  /** Org-unit e-identifiers named by the source; resolved (and reported) at import time. */
  unitCodes: string[];
  /** Implementing units already chosen by the caller (demo seed); overrides `unitCodes`. */
  unitIds?: string[];
  messages: RowMessage[];
}

/** A procedure code as stored: national codes like `1.001193`, provincial variants, or our own `L-0001`. */
export const CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.-]{0,59}$/;

/** Trimmed text or null for empty / non-text values. */
export function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const t = value.replace(/\u00a0/g, ' ').trim();
  return t === '' ? null : t;
}

/** A non-negative integer or null. */
export function intOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** True when a finding stops the row from being imported. */
export function hasError(messages: readonly RowMessage[]): boolean {
  return messages.some((m) => m.severity === 'error');
}
