// The e-form's answers checked by the catalog's own validator (the rule the portal's form applies field by field).
import type { Locale } from '../../platform/i18n';
import { validateEFormAnswers, type EFormAnswers, type ProcedureVersionView } from '../catalog';
import type { Problem } from './submissions.requirements';
import type { AnswerValue } from './submissions.tables';

/** What the answers are worth: the cleaned values to keep when submitting, and the problems under `answers.<field>`. */
export interface AnswersCheck {
  values: EFormAnswers;
  problems: Problem[];
}

/**
 * Checks a draft's answers against the version's e-form (`today` in Asia/Ho_Chi_Minh: "not in the future" is measured
 * from the day of submission). A version without an e-form asks nothing: answers left from an earlier version are not
 * kept (nothing a citizen sends is stored unless a form asked for it).
 */
export function checkAnswers(version: Pick<ProcedureVersionView, 'eForm'>, answers: Record<string, AnswerValue>, locale: Locale, today: string): AnswersCheck {
  if (!version.eForm) return { values: {}, problems: [] };
  const { values, errors } = validateEFormAnswers(version.eForm, answers, locale, today);
  return { values, problems: errors.map((e) => ({ path: e.field ? `answers.${e.field}` : 'answers', code: e.code, params: e.params })) };
}
