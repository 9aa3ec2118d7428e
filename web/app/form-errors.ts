import type { FormInstance } from 'antd';
import { ApiError, type ApiFieldError } from './api';

type NamePath = Array<string | number>;

/**
 * Turns a server path (`body.grants.0.role`) into an antd name path (`['grants', 0, 'role']`);
 * `rename` maps server segment names to the form's where they differ (e.g. `budgetMinutes` → `budgetValue`).
 */
export function toNamePath(path: string, rename: Record<string, string> = {}): NamePath {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : (rename[p] ?? p)));
}

/**
 * Puts the server's per-field errors onto the antd form (values stay as the user typed them)
 * and returns the errors that match no registered field, so the caller can show them elsewhere.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): ApiFieldError[] {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: ApiFieldError[] = [];
  for (const field of error.fields) {
    const name = toNamePath(field.path, rename);
    const key = JSON.stringify(name);
    if (!registered.has(key)) {
      unmatched.push(field);
      continue;
    }
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(field.message);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()].map((e) => ({ name: e.name, errors: e.errors })));
  if (byName.size > 0) {
    const first = [...byName.values()][0]!;
    form.scrollToField(first.name, { block: 'center' });
  }
  return unmatched;
}
