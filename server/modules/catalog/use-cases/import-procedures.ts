// Imports procedures from a JSON or Excel file: one transaction, a savepoint per row, a row-level report.
import { randomUUID } from 'node:crypto';
import { can } from '../../../platform/access';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import type { Tx } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { translate } from '../../../platform/i18n';
import type { ImportReport } from '../../../../contracts/catalog/catalog.contracts';
import { CATALOG_ACTIONS } from '../catalog.policy';
import { normaliseSearch, type RowMessage } from '../catalog.parsing';
import { unitOpenOn, unitsByCodes, type UnitInfo } from '../catalog.org-units';
import {
  findDraftId,
  findProcedureByCode,
  insertDraftVersion,
  insertProcedure,
  loadVersion,
  localProcedureNames,
  maxRevision,
  nextLocalCode,
  replaceDraftContent,
} from '../catalog.repository';
import { hasError, type ImportCandidate } from '../import/candidate';
import { parseJsonProcedures } from '../import/json-source';
import { parseExcelProcedures } from '../import/excel-source';
import { actorIdOf, publishInTx, today } from './manage-procedures';

/** The two accepted file formats. */
export type ImportFormat = 'json' | 'xlsx';

/** Largest file the importer accepts, in rows (the province's whole catalogue is about 2,000 procedures). */
export const MAX_IMPORT_ROWS = 5000;

/** How a run writes: file name for the audit, dry run, publication and its start date. */
export interface ImportOptions {
  fileName: string;
  format: ImportFormat;
  dryRun: boolean;
  publish: boolean;
  /** Start of validity when publishing (YYYY-MM-DD). */
  effectiveFrom: string;
  /**
   * Only the demo seed sets this: it loads the demo province's catalogue as published, including records whose CSDL
   * time is unusable (the demo's dossiers and journeys rest on them; they appear on the data-quality worklist).
   * Every import run by a user keeps such versions as drafts and reports them.
   */
  publishWithoutUsableTime?: boolean;
}

/** One row's outcome before translation. */
export interface AppliedRow {
  row: number;
  code: string | null;
  name: string | null;
  status: 'imported' | 'warning' | 'error';
  outcome: 'created' | 'updated' | 'skipped';
  versionId: string | null;
  messages: RowMessage[];
}

/** Counts and rows of a run, before translation. */
export interface AppliedImport {
  created: number;
  updated: number;
  skipped: number;
  rows: AppliedRow[];
}

class DryRunRollback extends Error {
  constructor(readonly result: AppliedImport) {
    super('dry run');
  }
}

/**
 * Decides the file type from its extension and checks the content agrees (xlsx is a zip: "PK\x03\x04";
 * JSON starts with "{" or "["). Anything else is 415 UNSUPPORTED_MEDIA_TYPE.
 */
export function detectFormat(fileName: string, data: Buffer): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx' && data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (ext === 'json') {
    const first = data
      .toString('utf8', 0, Math.min(data.length, 64))
      .replace(/^\uFEFF/, '')
      .trimStart()[0];
    if (first === '{' || first === '[') return 'json';
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { fileName });
}

const statusOf = (messages: readonly RowMessage[]): AppliedRow['status'] =>
  hasError(messages) ? 'error' : messages.some((m) => m.severity === 'warning') ? 'warning' : 'imported';

/** Resolves the unit codes a row names; unknown and closed codes are reported and skipped. */
function resolveUnits(codes: readonly string[], known: Map<string, UnitInfo>, day: string, messages: RowMessage[]): string[] {
  const ids: string[] = [];
  for (const code of codes) {
    const unit = known.get(code.toUpperCase());
    if (!unit) messages.push({ code: 'unknownUnitCode', severity: 'warning', params: { code } });
    else if (!unitOpenOn(unit, day)) messages.push({ code: 'closedUnitCode', severity: 'warning', params: { code } });
    else if (!ids.includes(unit.id)) ids.push(unit.id);
  }
  return ids;
}

/** Writes one row inside its savepoint: a new procedure, a new draft version, or the existing draft overwritten. */
async function writeRow(
  tx: Tx,
  ctx: Ctx,
  c: ImportCandidate,
  unitIds: string[],
  localNames: Array<{ id: string; code: string; name: string }>,
  options: ImportOptions,
  messages: RowMessage[],
): Promise<{ versionId: string; code: string; outcome: 'created' | 'updated' }> {
  const content = { ...c.content!, implementingUnitIds: unitIds };
  const now = ctx.clock.now();
  const actorId = actorIdOf(ctx);
  let procedure = c.code ? await findProcedureByCode(tx, c.code) : null;
  if (!c.code) {
    // A code-less record is the same procedure as a local one with exactly the same name (accents and case aside).
    const key = normaliseSearch(content.name);
    const match = localNames.find((l) => normaliseSearch(l.name) === key);
    if (match) {
      procedure = await findProcedureByCode(tx, match.code);
      messages.push({ code: 'matchedByName', severity: 'info', params: { code: match.code } });
    }
  }
  let versionId: string;
  let outcome: 'created' | 'updated';
  let code: string;
  if (!procedure) {
    code = c.code ?? (await nextLocalCode(tx));
    if (!c.code) messages.push({ code: 'localCode', severity: 'info', params: { code } });
    const procedureId = await insertProcedure(tx, { code, codeSource: c.code ? 'national' : 'local', now });
    versionId = await insertDraftVersion(tx, { procedureId, code, revision: 1, content, actorId, now });
    if (!c.code) localNames.push({ id: procedureId, code, name: content.name });
    outcome = 'created';
  } else {
    code = procedure.code;
    const draft = await findDraftId(tx, procedure.id);
    if (draft) {
      await replaceDraftContent(tx, { id: draft.id, code, expectedVersion: draft.version, content, now });
      versionId = draft.id;
      messages.push({ code: 'draftReplaced', severity: 'info', params: { code } });
    } else {
      const revision = (await maxRevision(tx, procedure.id)) + 1;
      versionId = await insertDraftVersion(tx, { procedureId: procedure.id, code, revision, content, actorId, now });
      messages.push({ code: 'newVersion', severity: 'info', params: { code } });
    }
    outcome = 'updated';
  }
  if (options.publish) {
    const draft = (await loadVersion(tx, versionId))!;
    if (!draft.timeReadable && !options.publishWithoutUsableTime) {
      messages.push({ code: 'notPublishedTimeUnusable', severity: 'warning' });
    } else {
      await publishInTx(tx, draft, options.effectiveFrom, actorId, now, { allowUnusableTime: options.publishWithoutUsableTime });
      messages.push({ code: 'published', severity: 'info', params: { from: options.effectiveFrom } });
    }
  }
  return { versionId, code, outcome };
}

function failureReason(ctx: Ctx, err: unknown): string {
  if (err instanceof AppError) {
    const fieldText = err.fields?.map((f) => translate(ctx.locale, f.code, f.params ?? {}) ?? f.code).join(' ');
    return fieldText || (translate(ctx.locale, `errors.${err.code}`, err.params) ?? err.code);
  }
  ctx.log.error({ err }, 'catalog import row failed');
  return translate(ctx.locale, 'errors.INTERNAL') ?? 'error';
}

/**
 * Imports candidates in one transaction with an audit entry summarising the run. A row with an error is skipped
 * (its savepoint rolls back) without stopping the others. `dryRun` runs everything and rolls it all back, so the
 * report is exactly what a real run would produce, and nothing is written.
 */
export async function applyImport(ctx: Ctx, candidates: readonly ImportCandidate[], options: ImportOptions): Promise<AppliedImport> {
  const run = async (scope: TxScope): Promise<AppliedImport> => {
    const day = today(ctx);
    const known = new Map(
      (
        await unitsByCodes(
          scope.tx,
          candidates.flatMap((c) => c.unitCodes),
        )
      ).map((u) => [u.code.toUpperCase(), u]),
    );
    const localNames = await localProcedureNames(scope.tx);
    const firstRowOfCode = new Map<string, number>();
    const rows: AppliedRow[] = [];
    for (const c of candidates) {
      const messages = [...c.messages];
      const base = { row: c.row, code: c.code, name: c.name, versionId: null };
      if (c.code) {
        const first = firstRowOfCode.get(c.code);
        if (first !== undefined) messages.push({ code: 'duplicateInFile', severity: 'error', params: { code: c.code, first } });
        else firstRowOfCode.set(c.code, c.row);
      }
      if (!c.content || hasError(messages)) {
        rows.push({ ...base, status: 'error', outcome: 'skipped', messages });
        continue;
      }
      const unitIds = c.unitIds ?? resolveUnits(c.unitCodes, known, day, messages);
      if (unitIds.length === 0) messages.push({ code: 'noImplementingUnit', severity: 'info', params: { text: c.content.implementingAgencyText ?? '—' } });
      try {
        const written = await scope.tx.transaction((sp) => writeRow(sp, ctx, c, unitIds, localNames, options, messages));
        rows.push({ ...base, code: written.code, versionId: written.versionId, status: statusOf(messages), outcome: written.outcome, messages });
      } catch (err) {
        messages.push({ code: 'rowFailed', severity: 'error', params: { reason: failureReason(ctx, err) } });
        rows.push({ ...base, status: 'error', outcome: 'skipped', messages });
      }
    }
    const result: AppliedImport = {
      created: rows.filter((r) => r.outcome === 'created').length,
      updated: rows.filter((r) => r.outcome === 'updated').length,
      skipped: rows.filter((r) => r.outcome === 'skipped').length,
      rows,
    };
    if (options.dryRun) throw new DryRunRollback(result);
    await scope.audit({
      action: 'catalog.imports.run',
      subjectType: 'catalog.import',
      subjectId: randomUUID(),
      before: null,
      after: {
        fileName: options.fileName,
        format: options.format,
        publish: options.publish,
        effectiveFrom: options.publish ? options.effectiveFrom : null,
        created: result.created,
        updated: result.updated,
        skipped: result.skipped,
        rows: rows.map((r) => ({ row: r.row, code: r.code, status: r.status, outcome: r.outcome, versionId: r.versionId })),
      },
    });
    return result;
  };
  try {
    return await withTransaction(ctx, run);
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}

/** Translates a run into the API report in the caller's language. */
export function presentImport(ctx: Ctx, result: AppliedImport, options: ImportOptions): ImportReport {
  return {
    format: options.format,
    dryRun: options.dryRun,
    published: options.publish,
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    rows: result.rows.map((r) => ({
      ...r,
      messages: r.messages.map((m) => ({
        code: m.code,
        severity: m.severity,
        message: translate(ctx.locale, `catalog.import.${m.code}`, m.params ?? {}) ?? m.code,
      })),
    })),
  };
}

/** Imports an uploaded file (system admin): type checked, parsed, applied; `dryRun` writes nothing. */
export async function importProcedures(ctx: Ctx, input: { fileName: string; data: Buffer; dryRun: boolean; publish: boolean; effectiveFrom?: string }): Promise<ImportReport> {
  if (!can(ctx.actor, CATALOG_ACTIONS.importRun)) throw new AppError('FORBIDDEN', { action: CATALOG_ACTIONS.importRun });
  if (input.publish && !can(ctx.actor, CATALOG_ACTIONS.publish)) throw new AppError('FORBIDDEN', { action: CATALOG_ACTIONS.publish });
  const format = detectFormat(input.fileName, input.data);
  const candidates = format === 'json' ? parseJsonProcedures(input.data) : await parseExcelProcedures(input.data);
  if (candidates.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
  const options: ImportOptions = {
    fileName: input.fileName,
    format,
    dryRun: input.dryRun,
    publish: input.publish,
    effectiveFrom: input.effectiveFrom ?? today(ctx),
  };
  return presentImport(ctx, await applyImport(ctx, candidates, options), options);
}
