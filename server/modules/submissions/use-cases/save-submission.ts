// Autosave of a draft (or of a guided submission being completed), with the optimistic version.
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type { SaveSubmissionRequest } from '../../../../contracts/submissions/submissions.contracts';
import type { ProcedureVersionView } from '../../catalog';
import { lockSubmission, listFiles, rekeyFiles, updateSubmission, type NewSubmissionRow, type SubmissionRow } from '../submissions.repository';
import { requirementsOf } from '../submissions.requirements';
import { EDITABLE_STATES } from '../submissions.workflow';
import { invalid, isOnline, loadOwned, openDesk, SubmissionConflict, versionInForce, versionOfRow } from './common';

/**
 * PATCH /submissions/:id. Each field sent replaces the stored one. A stale `version` gets 409 with the stored
 * submission (SubmissionConflict), so a second tab or device never overwrites what another saved. When another version
 * of the procedure came into force since the draft was started, saving moves the draft to it (the desk checks against
 * the list in force, §3.1 step 1): files follow their document by name; a file whose document is gone stays, reported
 * as to be removed, so nothing the citizen attached disappears silently.
 */
export async function saveSubmission(ctx: Ctx, id: string, input: SaveSubmissionRequest): Promise<SubmissionRow> {
  const seen = await loadOwned(ctx, id);
  if (seen.version !== input.version) throw new SubmissionConflict(seen);
  if (!EDITABLE_STATES.includes(seen.state)) throw new AppError('INVALID_STATE', { state: seen.state });
  const [version, current] = await Promise.all([versionOfRow(ctx, seen), versionInForce(ctx, seen.procedureCode)]);
  const target = current && current.id !== version.id && isOnline(current) ? current : version;

  const problems: Array<{ path: string; code: string }> = [];
  if (input.receivingUnitId !== undefined && !(await openDesk(ctx, input.receivingUnitId))) problems.push({ path: 'body.receivingUnitId', code: 'submissions.errors.deskInvalid' });
  if (input.handlingUnitId && !target.implementingUnits.some((u) => u.id === input.handlingUnitId)) {
    problems.push({ path: 'body.handlingUnitId', code: 'dossiers.errors.handlingUnitInvalid' });
  }
  const conditional = new Set(target.documentGroups.filter((g) => g.kind === 'conditional').map((g) => g.key));
  input.conditions?.forEach((key, i) => {
    if (!conditional.has(key)) problems.push({ path: `body.conditions.${i}`, code: 'dossiers.errors.conditionUnknown' });
  });
  if (problems.length > 0) throw invalid(problems);

  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    // Locked: attaching or removing a file of this submission waits, so a move to a new version sees every file.
    const row = await lockSubmission(scope.tx, id);
    if (!row || row.version !== input.version) throw new SubmissionConflict(row ?? seen);
    const patch: Partial<NewSubmissionRow> = { updatedAt: now };
    if (input.applicant !== undefined) patch.applicant = input.applicant;
    if (input.answers !== undefined) patch.answers = input.answers;
    if (input.conditions !== undefined) patch.conditions = [...new Set(input.conditions)];
    if (input.resultDelivery !== undefined) patch.resultDelivery = input.resultDelivery;
    if (input.receivingUnitId !== undefined) patch.receivingUnitId = input.receivingUnitId;
    if (input.handlingUnitId !== undefined) patch.handlingUnitId = input.handlingUnitId;
    const moved = target.id !== row.procedureVersionId ? await moveToVersion(scope, row, version, target, patch) : null;
    const updated = await updateSubmission(scope.tx, id, input.version, patch, EDITABLE_STATES);
    if (!updated) throw new SubmissionConflict(row);
    await scope.audit({
      action: 'submissions.save',
      subjectType: 'submission',
      subjectId: id,
      before: { version: row.version, ...(moved ? { procedureVersionId: row.procedureVersionId } : {}) },
      // Which fields changed, not their content: the content is the applicant's personal data, kept on the row.
      after: { version: updated.version, fields: Object.keys(input).filter((k) => k !== 'version'), ...(moved ? { procedureVersionId: target.id, filesMoved: moved } : {}) },
    });
    return updated;
  });
}

/**
 * Moves a draft to the version in force: its name, its declared cases that still exist, its handling agency if still
 * one of the implementing units, and its files to the document of the same name (or apart, when the document is gone).
 * Returns how many keys moved.
 */
async function moveToVersion(scope: TxScope, row: SubmissionRow, from: ProcedureVersionView, to: ProcedureVersionView, patch: Partial<NewSubmissionRow>): Promise<number> {
  patch.procedureVersionId = to.id;
  patch.procedureName = to.name;
  const conditional = new Set(to.documentGroups.filter((g) => g.kind === 'conditional').map((g) => g.key));
  patch.conditions = (patch.conditions ?? row.conditions).filter((k) => conditional.has(k));
  const handling = patch.handlingUnitId !== undefined ? patch.handlingUnitId : row.handlingUnitId;
  if (!handling || !to.implementingUnits.some((u) => u.id === handling)) patch.handlingUnitId = to.implementingUnits.length === 1 ? to.implementingUnits[0]!.id : null;

  const oldDefs = requirementsOf(from);
  const newDefs = requirementsOf(to);
  const keys = new Set((await listFiles(scope.tx, row.id)).map((f) => f.requirementKey));
  const taken = new Set<string>();
  const moves: Array<[string, string]> = [];
  for (const key of keys) {
    const old = oldDefs.find((d) => d.key === key);
    const match = old ? newDefs.find((n) => !taken.has(n.key) && n.name.trim() === old.name.trim()) : undefined;
    if (match) taken.add(match.key);
    // A file whose document the new version no longer lists goes under a key no document has ("gone-d2"): it is
    // reported (requirementUnknown) and listed apart for the citizen to remove, never shown as another document's.
    const target = match ? match.key : key.startsWith('gone-') ? key : `gone-${key}`;
    if (target !== key) moves.push([key, target]);
  }
  // Through temporary keys, so a swap of two positions (or a file gone from a key another moves into) never merges.
  for (const [fromKey] of moves) await rekeyFiles(scope.tx, row.id, fromKey, `moving-${fromKey}`);
  for (const [fromKey, toKey] of moves) await rekeyFiles(scope.tx, row.id, `moving-${fromKey}`, toKey);
  return moves.length;
}
