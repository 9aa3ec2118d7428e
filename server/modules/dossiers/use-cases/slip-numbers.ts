// Slip numbers (D14): every numbered slip gets its number once, per issuer, form and year, and keeps it on reprints.
import { and, eq, sql } from 'drizzle-orm';
import { toVnIso } from '../../../platform/calendar';
import type { Queryable, Tx } from '../../../platform/db/database';
import { listOrgUnitsByIds } from '../../identity';
import { insertSlipIssuance, type NewSlip, type UnitInfo } from '../dossiers.repository';
import { dossierSlipIssuances } from '../dossiers.tables';
import { formSymbol, referenceOf } from '../slips/slips.numbers';
import { issuerAbbreviation, slipIssuerOf, type IssuerUnit } from '../slips/slips.issuer';
import type { SlipFormKind, SlipIssuer } from '../slips/slips.types';

export { referenceOf };

/** A unit as a slip issuer: the heading lines, the abbreviation and the province name for the place line. */
export interface IssuerInfo {
  unitId: string;
  issuer: SlipIssuer;
  /** "Thanh Hóa" in "Thanh Hóa, ngày … tháng … năm …". */
  place: string;
}

/** The province part of the place line: "Ủy ban nhân dân tỉnh Thanh Hóa" → "Thanh Hóa". */
function placeOf(rootName: string): string {
  return /(?:tỉnh|thành phố)\s+(.+)$/i.exec(rootName)?.[1] ?? rootName;
}

/** The issuer of slips signed by `unitId`: its heading follows its place in the unit tree (slips.issuer.ts). */
export async function loadIssuer(q: Queryable, unit: { id: string; path: string }): Promise<IssuerInfo> {
  const ids = unit.path.split('/').filter(Boolean);
  if (!ids.includes(unit.id)) ids.push(unit.id);
  const rows = await listOrgUnitsByIds(q, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain: IssuerUnit[] = ids.map((id) => byId.get(id)).filter((u): u is NonNullable<typeof u> => !!u);
  return { unitId: unit.id, issuer: slipIssuerOf(chain), place: placeOf(chain[0]?.name ?? '') };
}

/** "PBS-TTPVHCC": the symbol of a form issued by `issuer` under the form set in force at `at` (§4.2). */
export function symbolOf(form: SlipFormKind, issuer: SlipIssuer, at: Date): string {
  return formSymbol(form, issuer.abbreviation ?? '', at);
}

/** Counter kinds of `dossiers_slip_counters` per form: the form suffix, shared by every slip of that form at that issuer. */
const COUNTER_KIND: Record<SlipFormKind, string> = {
  receipt: 'book',
  supplementRequest: 'PBS',
  refusal: 'PTC',
  apology: 'PXL',
  stopNotice: 'TB',
  controlSlip: 'PKS',
  trackingBook: 'STD',
};

/** The counter kind of a form (the receipt's number is the dossier's tracking-book number). */
export const counterKindOf = (form: SlipFormKind): string => COUNTER_KIND[form];

/** The year of the issuer's series a slip issued at `at` belongs to (its legal date, Asia/Ho_Chi_Minh). */
const yearOf = (at: Date): number => Number(toVnIso(at).slice(0, 4));

/**
 * A slip numbered with the act it records (D14): `issuer` is the unit whose heading it carries; its symbol needs only
 * the unit itself (issuerAbbreviation), so no unit chain is read on the act's path.
 */
export function slipAtAct(input: {
  form: Exclude<SlipFormKind, 'receipt'>;
  subject: string;
  dossierId: string | null;
  issuer: Pick<UnitInfo, 'id' | 'name' | 'kind' | 'shortName'>;
  at: Date;
}): NewSlip {
  return {
    form: input.form,
    subject: input.subject,
    dossierId: input.dossierId,
    issuerUnitId: input.issuer.id,
    counterKind: COUNTER_KIND[input.form],
    year: yearOf(input.at),
    symbol: formSymbol(input.form, issuerAbbreviation(input.issuer), input.at),
    issuedAt: input.at,
  };
}

/**
 * The reference of the slip `form` about `subject`: the stored one when it was issued before, else the next number of
 * the issuer's yearly series for that form, stored in the same transaction. For slips whose number is not issued with
 * their act (the tracking book's volumes, and slips of dossiers received before D14's second paragraph). A
 * transaction-scoped advisory lock on the subject makes two first prints at once wait for each other, so the loser
 * reads the winner's number instead of taking a second one.
 */
export async function issueSlipReference(
  tx: Tx,
  input: { form: Exclude<SlipFormKind, 'receipt'>; subject: string; dossierId: string | null; issuer: IssuerInfo; at: Date },
): Promise<{ reference: string; issued: boolean }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`slip:${input.form}:${input.subject}`}, 0))`);
  const [existing] = await tx
    .select({ reference: dossierSlipIssuances.reference })
    .from(dossierSlipIssuances)
    .where(and(eq(dossierSlipIssuances.form, input.form), eq(dossierSlipIssuances.subject, input.subject)))
    .limit(1);
  if (existing) return { reference: existing.reference, issued: false };
  const reference = await insertSlipIssuance(tx, {
    form: input.form,
    subject: input.subject,
    dossierId: input.dossierId,
    issuerUnitId: input.issuer.unitId,
    counterKind: COUNTER_KIND[input.form],
    year: yearOf(input.at),
    symbol: symbolOf(input.form, input.issuer.issuer, input.at),
    issuedAt: input.at,
  });
  return { reference, issued: true };
}
