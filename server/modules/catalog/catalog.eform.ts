// Checks a citizen's answers to a version's e-form (mẫu điện tử tương tác, NĐ 45/2020/NĐ-CP on electronic dossiers):
// pure, so the online submission can call it inside its own transaction, and the same per-field rule the web applies.
import type { EFormDefinition } from '../../../contracts/catalog/eform.contracts';
import { checkEFormAnswer, eFormFields, type EFormAnswers, type EFormIssueCode } from '../../../contracts/catalog/eform.rules';
import { AppError } from '../../platform/errors';
import { translate, type Locale } from '../../platform/i18n';

/** One refused answer: the field's key ('' when the answers are not an object at all), the message key and its text. */
export interface EFormFieldError {
  field: string;
  code: EFormIssueCode;
  params: Record<string, string | number>;
  message: string;
}

/** The cleaned answers (only fields answered; text trimmed, NFC) and every refusal, in form order then unknown keys. */
export interface EFormValidation {
  values: EFormAnswers;
  errors: EFormFieldError[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Refusal = Omit<EFormFieldError, 'message'>;

/** Every field checked in form order, then every key the form does not have. */
function check(definition: EFormDefinition, answers: unknown, today: string): { values: EFormAnswers; refusals: Refusal[] } {
  if (!isPlainObject(answers)) return { values: {}, refusals: [{ field: '', code: 'catalog.eform.errors.notAnObject', params: {} }] };
  const fields = eFormFields(definition);
  const known = new Set(fields.map((f) => f.key));
  const values: EFormAnswers = {};
  const refusals: Refusal[] = [];
  for (const field of fields) {
    // Own properties only: a key such as "constructor" must not reach the prototype.
    const raw = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    const checked = checkEFormAnswer(field, raw, today);
    if (!checked.ok) refusals.push({ field: field.key, ...checked.issue });
    else if (checked.value !== undefined) values[field.key] = checked.value;
  }
  for (const key of Object.keys(answers)) if (!known.has(key)) refusals.push({ field: key, code: 'catalog.eform.errors.unknownField', params: {} });
  return { values, refusals };
}

/**
 * Validates `answers` against `definition` and translates each refusal into `locale`. `today` (YYYY-MM-DD in
 * Asia/Ho_Chi_Minh, from the caller's clock) is the day "not in the future" is measured from. A key the form does not
 * have is refused (`catalog.eform.errors.unknownField`): nothing a citizen sends is kept unless the form asked for it.
 */
export function validateEFormAnswers(definition: EFormDefinition, answers: unknown, locale: Locale, today: string): EFormValidation {
  const { values, refusals } = check(definition, answers, today);
  return { values, errors: refusals.map((r) => ({ ...r, message: translate(locale, r.code, r.params) ?? r.code })) };
}

/**
 * The cleaned answers, or `400 VALIDATION_FAILED` with one field error per refusal at `<path>.<field key>` (translated
 * by the error handler in the caller's language). For a use case that takes the answers in its request body.
 */
export function assertEFormAnswers(definition: EFormDefinition, answers: unknown, today: string, path = 'body.eForm'): EFormAnswers {
  const { values, refusals } = check(definition, answers, today);
  if (refusals.length > 0) {
    throw new AppError('VALIDATION_FAILED', {}, { fields: refusals.map((r) => ({ path: r.field ? `${path}.${r.field}` : path, code: r.code, params: r.params })) });
  }
  return values;
}
