// One rule for every route's text input (issue 8 item 2): PostgreSQL refuses the NUL character in text and jsonb, so a
// NUL that reached a statement was a 500. Instead of each route (or each zod string) guarding against it, the request
// layer walks the parsed body, query string and path parameters, keys included, before validation and refuses any C0
// control character except tab, line feed and carriage return with a 400 naming the field. The other C0 controls are
// refused too: no form field, name or code in this domain legitimately carries one, and they corrupt the slips, the
// tracking book export and the logs. DEL (U+007F) and the C1 range are left alone (PostgreSQL stores them and they
// occur in pasted text). Search parameters are refused like any other field rather than silently stripped, so a
// caller is never shown results for a query other than the one it sent.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

// eslint-disable-next-line no-control-regex -- matching control characters is the point of this rule
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_GLOBAL = /[\u0000-\u001F]/g;

/** The field error code; its message (`errors.CONTROL_CHARACTER`) lives in platform/i18n. */
export const CONTROL_CHARACTER = 'CONTROL_CHARACTER';
/** The code for input nested deeper than any contract allows (`errors.NESTING_TOO_DEEP`). */
export const NESTING_TOO_DEEP = 'NESTING_TOO_DEEP';

/** True when `text` holds a character the request layer refuses (see the file comment). */
export function hasForbiddenControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** A key shown in an error path with its control characters made visible (`a\u0000` → `a\\u0000`). */
const visible = (key: string) => key.replace(CONTROL_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Beyond this depth no contract of ours nests; walking further could overflow the stack on a hostile body. */
const MAX_DEPTH = 64;

/** Where text input breaks the rule: the field's path (`body.applicant.name`, `querystring.q`, `params.code`) and why. */
export interface TextViolation {
  path: string;
  code: typeof CONTROL_CHARACTER | typeof NESTING_TOO_DEEP;
}

/** Every string or key in `value` holding a refused character (at most 20), or the point where nesting goes too deep. */
export function findControlCharacters(value: unknown, path: string, out: TextViolation[] = [], depth = 0): TextViolation[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push({ path, code: CONTROL_CHARACTER });
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    if (depth >= MAX_DEPTH) {
      out.push({ path, code: NESTING_TOO_DEEP });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => findControlCharacters(item, `${path}.${i}`, out, depth + 1));
    } else {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const at = `${path}.${visible(key)}`;
        if (CONTROL.test(key)) out.push({ path: at, code: CONTROL_CHARACTER });
        else findControlCharacters(item, at, out, depth + 1);
      }
    }
  }
  return out;
}

/** Throws a VALIDATION_FAILED naming each field whose text holds a refused control character. */
export function assertPlainText(request: Pick<FastifyRequest, 'body' | 'query' | 'params'>): void {
  const violations = [...findControlCharacters(request.params, 'params'), ...findControlCharacters(request.query, 'querystring'), ...findControlCharacters(request.body, 'body')];
  if (violations.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    {
      fields: violations.map(({ path, code }) => ({ path, code, params: { field: path.split('.').slice(1).join('.') || path } })),
    },
  );
}
