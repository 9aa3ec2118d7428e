// A unit's document settings: the abbreviation in the ký hiệu and the numbering series (NĐ 30/2020/NĐ-CP Điều 15).
import { eq } from 'drizzle-orm';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { DocumentSettings, DocumentSettingsRequest } from '../../../../contracts/documents/documents.contracts';
import { DOCUMENT_ACTIONS } from '../documents.policy';
import { findSettings } from '../documents.repository';
import { documentsSettings } from '../documents.tables';
import { actorIdOf, authorise, effectiveSettings, invalid, openUnit, stale } from './common';

/** GET /documents/settings/:unitId (the defaults, version 0, while none are saved). */
export async function getSettings(ctx: Ctx, unitId: string): Promise<DocumentSettings> {
  const unit = await openUnit(ctx, unitId);
  if (!unit) throw invalid([{ path: 'params.unitId', code: 'documents.errors.unitUnknown' }]);
  authorise(ctx, DOCUMENT_ACTIONS.readSettings, unit);
  return effectiveSettings(ctx.db, unit);
}

/** PUT /documents/settings/:unitId: saves the settings on the version the administrator saw (0 for the first save). */
export async function saveSettings(ctx: Ctx, unitId: string, input: DocumentSettingsRequest): Promise<DocumentSettings> {
  const unit = await openUnit(ctx, unitId);
  if (!unit) throw invalid([{ path: 'params.unitId', code: 'documents.errors.unitUnknown' }]);
  authorise(ctx, DOCUMENT_ACTIONS.manageSettings, unit);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const before = await findSettings(scope.tx, unit.id);
    if ((before?.version ?? 0) !== input.version) throw stale(before?.version ?? 0);
    const values = { issuerAbbreviation: input.issuerAbbreviation, series: input.series, updatedBy: actorIdOf(ctx), updatedAt: now };
    const [row] = before
      ? await scope.tx
          .update(documentsSettings)
          .set({ ...values, version: before.version + 1 })
          .where(eq(documentsSettings.unitId, unit.id))
          .returning()
      : await scope.tx
          .insert(documentsSettings)
          .values({ ...values, unitId: unit.id, version: 1, createdAt: now })
          .returning();
    await scope.audit({
      action: 'documents.settings-save',
      subjectType: 'org-unit',
      subjectId: unit.id,
      before: before ? { issuerAbbreviation: before.issuerAbbreviation, series: before.series, version: before.version } : null,
      after: { issuerAbbreviation: row!.issuerAbbreviation, series: row!.series, version: row!.version },
    });
    return { unitId: unit.id, issuerAbbreviation: row!.issuerAbbreviation, series: row!.series, version: row!.version };
  });
}
