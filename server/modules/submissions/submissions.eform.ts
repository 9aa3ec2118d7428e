// The e-form's answers checked against the catalog version's e-form (wired to the catalog's validator when merged).
import type { ProcedureVersionView } from '../catalog';
import type { Problem } from './submissions.requirements';
import type { AnswerValue } from './submissions.tables';

/** Problems of the answers under `answers.<field>`. */
export function checkAnswers(_version: ProcedureVersionView, _answers: Record<string, AnswerValue>): Problem[] {
  return [];
}
