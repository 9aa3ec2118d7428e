// The finance officer's side (issue 13 item 3): the unit's payment attempts, a status query on demand, receipts, the
// gateway's daily statement matched against the records and the mismatches it shows, until each is resolved.
import { createHash } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database';
import { hasRole, sqlIsWithin, isSystemActor, type Actor } from '../../../platform/access';
import { toVnIso, vnInstant } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type {
  FinanceTransaction,
  FinanceTransactions,
  ImportStatementRequest,
  MismatchView,
  Mismatches,
  MismatchesQuery,
  PaymentMismatchKind,
  PaymentTransactionsQuery,
  ResolveMismatchRequest,
  StatementView,
} from '../../../../contracts/payments/payments.contracts';
import { FINANCE_OFFICER, SYSTEM_ADMIN, getOrgUnit, identityOrgUnits } from '../../identity';
import { PAYMENT_ACTIONS } from '../payments.policy';
import { paymentMismatches, paymentRequests, paymentStatements, paymentTransactions } from '../payments.tables';
import type { StatementLine } from '../gateway/gateway';
import { presentAttempt } from './pay';
import { runtimeOf } from './runtime';
import { can } from '../../../platform/access';

/** The unit paths whose payments the actor reads: null = every unit (system administrator). */
function scopesOf(actor: Actor): string[] | null {
  if (actor.type !== 'user') return [];
  if (isSystemActor(actor) || hasRole(actor, [SYSTEM_ADMIN])) return null;
  return actor.grants.filter((g) => g.role === FINANCE_OFFICER).map((g) => g.scopePath);
}

/** SQL: the unit in `column` (its path) is one the actor reads. */
function withinScopes(path: SQL | typeof identityOrgUnits.path, scopes: string[] | null): SQL | undefined {
  if (scopes === null) return undefined;
  if (scopes.length === 0) return sql`false`;
  return or(...scopes.map((s) => sqlIsWithin(path, s)));
}

/** True when the actor reads the payments of this unit. */
export async function canReadUnit(ctx: Ctx, unitId: string): Promise<boolean> {
  const unit = await getOrgUnit(ctx.db, unitId);
  return unit !== null && can(ctx.actor, PAYMENT_ACTIONS.read, { unitPath: unit.path });
}

const dayStart = (day: string) => vnInstant(day);
// Vietnam keeps no daylight saving time: a day is 24 hours.
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/** The columns an attempt is shown with: its dossier (through its request) and its unit's name. */
const ATTEMPT_FIELDS = {
  t: paymentTransactions,
  dossierId: paymentRequests.dossierId,
  dossierCode: paymentRequests.dossierCode,
  applied: paymentRequests.appliedOutcome,
  unitName: identityOrgUnits.name,
  path: identityOrgUnits.path,
};

/** Attempts joined to their request and their unit. */
function attemptsWithDossierAndUnit(db: Queryable) {
  return db
    .select(ATTEMPT_FIELDS)
    .from(paymentTransactions)
    .innerJoin(paymentRequests, eq(paymentRequests.id, paymentTransactions.requestId))
    .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, paymentTransactions.unitId));
}

/** How many attempts `filter` (over the same join) keeps. */
async function countAttempts(db: Queryable, filter: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentTransactions)
    .innerJoin(paymentRequests, eq(paymentRequests.id, paymentTransactions.requestId))
    .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, paymentTransactions.unitId))
    .where(filter);
  return row?.n ?? 0;
}

/** GET /payments/transactions: the attempts of the units the officer reads, newest first. */
export async function listTransactions(ctx: Ctx, q: PaymentTransactionsQuery): Promise<FinanceTransactions> {
  if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'querystring.from', code: 'payments.errors.periodInvalid' }] });
  const where: Array<SQL | undefined> = [withinScopes(identityOrgUnits.path, scopesOf(ctx.actor))];
  if (q.unit) {
    const unit = await getOrgUnit(ctx.db, q.unit);
    if (!unit || !can(ctx.actor, PAYMENT_ACTIONS.read, { unitPath: unit.path })) {
      throw new AppError('FORBIDDEN', { action: PAYMENT_ACTIONS.read }, { fields: [{ path: 'querystring.unit', code: 'payments.errors.unitOutsideScope' }] });
    }
    where.push(sqlIsWithin(identityOrgUnits.path, unit.path));
  }
  if (q.state) where.push(eq(paymentTransactions.state, q.state));
  if (q.from) where.push(gte(paymentTransactions.createdAt, dayStart(q.from)));
  if (q.to) where.push(lt(paymentTransactions.createdAt, nextDayStart(q.to)));
  if (q.q) where.push(or(eq(paymentTransactions.txnRef, q.q.toUpperCase()), eq(paymentRequests.dossierCode, q.q)));
  const filter = and(...where);
  const base = attemptsWithDossierAndUnit(ctx.db).where(filter);
  const [rows, total] = await Promise.all([
    base
      .orderBy(desc(paymentTransactions.createdAt), desc(paymentTransactions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countAttempts(ctx.db, filter),
  ]);
  return {
    items: rows.map((r) => presentFinance(r.t, r.dossierId, r.dossierCode, r.unitName, r.t.state === 'succeeded' ? r.applied : null)),
    total,
  };
}

/** An attempt as the finance officer sees it. */
export function presentFinance(t: typeof paymentTransactions.$inferSelect, dossierId: string, dossierCode: string, unitName: string, applied: string | null): FinanceTransaction {
  return {
    ...presentAttempt(t),
    dossierId,
    dossierCode,
    unit: { id: t.unitId, name: unitName },
    gatewayTxnNo: t.gatewayTxnNo,
    bankCode: t.bankCode,
    appliedOutcome: t.overpaid ? null : applied,
  };
}

/** One attempt for the finance officer (404 outside their units). */
export async function getFinanceTransaction(ctx: Ctx, txnRef: string): Promise<FinanceTransaction> {
  const [r] = await attemptsWithDossierAndUnit(ctx.db).where(eq(paymentTransactions.txnRef, txnRef));
  if (!r || !can(ctx.actor, PAYMENT_ACTIONS.read, { unitPath: r.path })) throw new AppError('NOT_FOUND', { subject: 'payment', id: txnRef });
  return presentFinance(r.t, r.dossierId, r.dossierCode, r.unitName, r.t.state === 'succeeded' ? r.applied : null);
}

/**
 * POST /payments/statements: matches the gateway's statement of `day` against the records. Each line whose attempt
 * is unknown or not recorded as paid is a missing-record; a different amount an amount-differs; a refund or failure of
 * an attempt recorded paid a status-differs; every attempt recorded paid on that day (by the gateway's pay date) and
 * absent from the file a missing-in-statement. Unreadable lines are reported, never guessed. One transaction.
 */
export async function importStatement(ctx: Ctx, input: ImportStatementRequest): Promise<StatementView> {
  const { gateway } = runtimeOf(ctx.events);
  const parsed = gateway.parseStatement(input.csv);
  if (parsed.lines.length === 0 && parsed.errors.some((e) => e.line === 1)) {
    throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'body.csv', code: 'payments.errors.statementHeader' }] });
  }
  const now = ctx.clock.now();
  const from = dayStart(input.day);
  const to = nextDayStart(input.day);
  const refs = [...new Set(parsed.lines.map((l) => l.txnRef))];
  return withTransaction(ctx, async (scope) => {
    const { tx } = scope;
    const known = refs.length ? await tx.select().from(paymentTransactions).where(inArray(paymentTransactions.txnRef, refs)) : [];
    const byRef = new Map(known.map((t) => [t.txnRef, t]));
    const paidThatDay = await tx
      .select()
      .from(paymentTransactions)
      .where(
        and(
          eq(paymentTransactions.state, 'succeeded'),
          sql`coalesce(${paymentTransactions.payDate}, ${paymentTransactions.settledAt}) >= ${from.toISOString()}::timestamptz`,
          sql`coalesce(${paymentTransactions.payDate}, ${paymentTransactions.settledAt}) < ${to.toISOString()}::timestamptz`,
        ),
      );
    const found: Array<{ kind: PaymentMismatchKind; line: StatementLine | null; txn: (typeof known)[number] | null }> = [];
    let matched = 0;
    for (const line of parsed.lines) {
      const txn = byRef.get(line.txnRef) ?? null;
      if (line.status === 'succeeded') {
        if (!txn || txn.state !== 'succeeded') found.push({ kind: 'missing-record', line, txn });
        else if (txn.amountVnd !== line.amountVnd) found.push({ kind: 'amount-differs', line, txn });
        else matched += 1;
      } else if (txn?.state === 'succeeded') {
        found.push({ kind: 'status-differs', line, txn });
      } else {
        matched += 1;
      }
    }
    const inFile = new Set(parsed.lines.map((l) => l.txnRef));
    for (const txn of paidThatDay) if (!inFile.has(txn.txnRef)) found.push({ kind: 'missing-in-statement', line: null, txn });
    const [statement] = await tx
      .insert(paymentStatements)
      .values({
        gateway: gateway.name,
        day: input.day,
        sha256: createHash('sha256').update(input.csv).digest('hex'),
        lines: parsed.lines.length,
        totalVnd: parsed.lines.filter((l) => l.status === 'succeeded').reduce((s, l) => s + l.amountVnd, 0),
        matched,
        mismatches: found.length,
        unreadable: parsed.errors,
        importedAt: now,
        importedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
      })
      .returning();
    if (found.length) {
      await tx
        .insert(paymentMismatches)
        .values(
          found.map((f) => ({
            statementId: statement!.id,
            kind: f.kind,
            txnRef: f.line?.txnRef ?? f.txn!.txnRef,
            unitId: f.txn?.unitId ?? null,
            recordAmountVnd: f.txn?.amountVnd ?? null,
            statementAmountVnd: f.line?.amountVnd ?? null,
            recordState: f.txn?.state ?? null,
            statementStatus: f.line?.status ?? null,
          })),
        )
        .onConflictDoNothing();
    }
    await scope.audit({
      action: 'payments.statement.import',
      subjectType: 'payment-statement',
      subjectId: statement!.id,
      before: null,
      after: { day: input.day, lines: statement!.lines, matched, mismatches: found.length, unreadable: parsed.errors.length, sha256: statement!.sha256 },
    });
    return presentStatement(statement!);
  });
}

function presentStatement(s: typeof paymentStatements.$inferSelect): StatementView {
  return { id: s.id, day: s.day, lines: s.lines, totalVnd: s.totalVnd, matched: s.matched, mismatches: s.mismatches, unreadable: s.unreadable, importedAt: toVnIso(s.importedAt) };
}

/** GET /payments/mismatches: open (or resolved) mismatches of the officer's units, and those no unit can be told for. */
export async function listMismatches(ctx: Ctx, q: MismatchesQuery): Promise<Mismatches> {
  const scopes = scopesOf(ctx.actor);
  const unitFilter = scopes === null ? undefined : or(isNull(paymentMismatches.unitId), withinScopes(identityOrgUnits.path, scopes));
  const filter = and(q.open === 'true' ? isNull(paymentMismatches.resolvedAt) : isNotNull(paymentMismatches.resolvedAt), unitFilter);
  const base = ctx.db
    .select({ m: paymentMismatches, day: paymentStatements.day, unitName: identityOrgUnits.name })
    .from(paymentMismatches)
    .innerJoin(paymentStatements, eq(paymentStatements.id, paymentMismatches.statementId))
    .leftJoin(identityOrgUnits, eq(identityOrgUnits.id, paymentMismatches.unitId))
    .where(filter);
  const [rows, [count]] = await Promise.all([
    base
      .orderBy(desc(paymentStatements.day), paymentMismatches.txnRef)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(paymentMismatches)
      .leftJoin(identityOrgUnits, eq(identityOrgUnits.id, paymentMismatches.unitId))
      .where(filter),
  ]);
  return { items: rows.map((r) => presentMismatch(r.m, r.day, r.unitName)), total: count?.n ?? 0 };
}

function presentMismatch(m: typeof paymentMismatches.$inferSelect, day: string, unitName: string | null): MismatchView {
  return {
    id: m.id,
    kind: m.kind as PaymentMismatchKind,
    txnRef: m.txnRef,
    day,
    unit: m.unitId ? { id: m.unitId, name: unitName ?? '' } : null,
    recordAmountVnd: m.recordAmountVnd,
    statementAmountVnd: m.statementAmountVnd,
    recordState: m.recordState,
    statementStatus: m.statementStatus,
    resolvedAt: m.resolvedAt ? toVnIso(m.resolvedAt) : null,
    resolution: m.resolution,
  };
}

/** POST /payments/mismatches/:id/resolve: the officer records how it was dealt with (refund, bank query, …). */
export async function resolveMismatch(ctx: Ctx, id: string, input: ResolveMismatchRequest): Promise<MismatchView> {
  return withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx
      .select({ m: paymentMismatches, day: paymentStatements.day, unitName: identityOrgUnits.name, path: identityOrgUnits.path })
      .from(paymentMismatches)
      .innerJoin(paymentStatements, eq(paymentStatements.id, paymentMismatches.statementId))
      .leftJoin(identityOrgUnits, eq(identityOrgUnits.id, paymentMismatches.unitId))
      .where(eq(paymentMismatches.id, id))
      .for('update', { of: paymentMismatches });
    const allowed = row && (row.path === null ? can(ctx.actor, PAYMENT_ACTIONS.reconcile) : can(ctx.actor, PAYMENT_ACTIONS.reconcile, { unitPath: row.path }));
    if (!row || !allowed) throw new AppError('NOT_FOUND', { subject: 'mismatch', id });
    if (row.m.resolvedAt) throw new AppError('INVALID_STATE', { state: 'resolved' });
    const now = ctx.clock.now();
    const [updated] = await scope.tx
      .update(paymentMismatches)
      .set({ resolvedAt: now, resolvedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null, resolution: input.resolution })
      .where(eq(paymentMismatches.id, id))
      .returning();
    await scope.audit({
      action: 'payments.mismatch.resolve',
      subjectType: 'payment-mismatch',
      subjectId: id,
      before: { resolvedAt: null },
      after: { resolution: input.resolution, kind: row.m.kind, txnRef: row.m.txnRef },
    });
    return presentMismatch(updated!, row.day, row.unitName);
  });
}
