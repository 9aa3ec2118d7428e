// Issuing the electronic result of a dossier (kết quả giải quyết TTHC điện tử, NĐ 45/2020/NĐ-CP): the handling unit
// uploads its PDF (recognised by content, D23), the server issues a certificate page with a QR code of the public
// verification address, and both are kept as issued. A replacement before the result is returned keeps the old issue
// verifiable as "replaced" and is audited with its reason.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { can } from '../../../platform/access';
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { receiveUploads, recordFiles, type FileStore, type ReceivedFile } from '../../../platform/files';
import { AttachResultDocumentSchema, AttachResultFieldsSchema, type AttachResultDocument } from '../../../../contracts/dossiers/results.contracts';
import { issueResultDocument } from '../../documents';
import { DOSSIER_ACTIONS, RESULT_HANDLING_STATES } from '../dossiers.policy';
import { findDossier, listHops, unitsById, type DossierRow, type UnitInfo } from '../dossiers.repository';
import { findCurrentResult, insertResult, lockCurrentResult, lockDossierState, markReplaced, type ResultRow } from '../dossiers.results.repository';
import type { DossierSubject } from '../dossiers.policy';
import type { DossierState } from '../dossiers.workflow';
import { renderResultCertificate } from '../slips/result-certificate';
import { actorIdOf, actorLabelOf, invalid, subjectOf } from './common';

/** States in which a result may be attached or replaced: while handling, and once ready until it is returned. */
export const RESULT_STATES: readonly DossierState[] = [...RESULT_HANDLING_STATES, 'DONE'];

/** Storage of results: everything issued for one dossier (replacements included) counts against this. */
export const RESULT_QUOTA_BYTES_PER_DOSSIER = 200 * 1024 * 1024;

/** Whose storage space a dossier's results count against. */
export const resultOwnerKey = (dossierId: string): string => `dossier-result:${dossierId}`;

/** The public verification address of an issue (the portal page `/xac-thuc-ket-qua/:token`). */
export function verifyUrlOf(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/xac-thuc-ket-qua/${token}`;
}

/** A dossier with its units and policy subject, for the result's use cases. */
export interface ResultDossier {
  row: DossierRow;
  units: Map<string, UnitInfo>;
  subject: DossierSubject;
}

/** Loads the dossier; 404 when unknown, 403 when it is none of the reader's units' business (as the detail). */
export async function loadForResult(ctx: Ctx, id: string): Promise<ResultDossier> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw notFound('dossier', id);
  const hops = await listHops(ctx.db, id);
  const involved = [...row.workflow.map((s) => s.unitId), ...hops.flatMap((h) => [h.toUnitId, h.fromUnitId]).filter((x): x is string => Boolean(x))];
  const units = await unitsById(ctx.db, [row.holderUnitId, row.receivingUnitId, row.handlingUnitId, ...involved]);
  const subject = subjectOf(row, units, involved);
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  return { row, units, subject };
}

/** True when the actor may attach or replace the result now. */
export function mayAttach(ctx: Ctx, d: ResultDossier): boolean {
  return RESULT_STATES.includes(d.row.state) && can(ctx.actor, DOSSIER_ACTIONS.result, d.subject);
}

/** Why a paper original is to be collected, or null: the dossier's result delivery is on paper, or the officer ticked it. */
function paperOriginalOf(row: DossierRow, ticked: boolean): { paperOriginal: boolean; paperOriginalReason: 'result-delivery' | 'officer' | null } {
  if (row.resultDelivery !== 'online') return { paperOriginal: true, paperOriginalReason: 'result-delivery' };
  return ticked ? { paperOriginal: true, paperOriginalReason: 'officer' } : { paperOriginal: false, paperOriginalReason: null };
}

/** The text fields of the upload, validated (a 400 naming the field otherwise). */
function fieldsOf(fields: Record<string, string[]>): { paperOriginal: boolean; reason: string | null; document: AttachResultDocument | null } {
  const single = (name: string) => (fields[name]?.length ? fields[name][fields[name].length - 1] : undefined);
  const parsed = AttachResultFieldsSchema.safeParse({
    paperOriginal: single('paperOriginal'),
    reason: single('reason') || undefined,
    document: single('document') || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'file');
    const code = field === 'reason' ? 'dossiers.errors.resultReasonInvalid' : field === 'document' ? 'dossiers.errors.resultDocumentInvalid' : 'dossiers.errors.resultFieldInvalid';
    throw invalid(`body.${field}`, code);
  }
  return { paperOriginal: parsed.data.paperOriginal === 'true', reason: parsed.data.reason ?? null, document: documentOf(parsed.data.document) };
}

/** The `document` field (JSON), validated; a 400 naming `body.document.<field>` otherwise. */
function documentOf(raw: string | undefined): AttachResultDocument | null {
  if (raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw invalid('body.document', 'dossiers.errors.resultDocumentInvalid');
  }
  const parsed = AttachResultDocumentSchema.safeParse(json);
  if (!parsed.success) throw invalid(['body.document', ...parsed.error.issues[0]!.path.map(String)].join('.'), 'dossiers.errors.resultDocumentInvalid');
  return parsed.data;
}

/** The documents module refused to number for this unit because it has no document settings (no abbreviation). */
const lacksSettings = (err: unknown): boolean => err instanceof AppError && (err.fields ?? []).some((f) => f.code === 'documents.errors.noAbbreviation');

/**
 * Issues the result as an outgoing document (issue 15 item 6) inside the result's transaction: the documents module is
 * given a context whose handle is this transaction (its own transaction becomes a savepoint), so a later failure rolls
 * back the number with the result. The signing unit is the handling unit, or its nearest parent the documents module
 * can number for (one with document settings); a unit refused is rolled back to its savepoint and the next one tried.
 * None → 400 naming the handling unit.
 */
async function issueAsDocument(ctx: Ctx, scope: TxScope, d: ResultDossier, issuing: UnitInfo, doc: AttachResultDocument): Promise<{ id: string; numberSymbol: string }> {
  const inTx: Ctx = { ...ctx, db: scope.tx };
  const chain = issuing.path.split('/').filter(Boolean).reverse();
  for (const unitId of chain) {
    try {
      const ref = await issueResultDocument(inTx, {
        unitId,
        typeCode: doc.typeCode,
        subject: `${d.row.procedureName} — ${d.row.code}`.slice(0, 1000),
        signerName: doc.signerName,
        signerPosition: doc.signerPosition,
        signingPrefix: doc.signingPrefix,
        dossierId: d.row.id,
      });
      return { id: ref.id, numberSymbol: ref.numberSymbol };
    } catch (err) {
      if (!lacksSettings(err)) throw err;
    }
  }
  throw invalid('body.document', 'dossiers.errors.resultDocumentNoSettings', { unit: issuing.name });
}

/** What the upload needs besides the request. */
export interface AttachResultOptions {
  store: FileStore;
  maxFileBytes: number;
  publicBaseUrl: string;
}

/**
 * POST /dossiers/:id/result (multipart: one PDF part `file`; fields `paperOriginal`, `reason`). Authorised before the
 * body is read; the PDF is checked as it streams (D23: type by content, no polyglots, size); the certificate is
 * rendered and stored; then one transaction locks the dossier and the result in force, records both files (quota),
 * marks the old issue replaced (a reason is required), inserts the new one and audits. Any failure removes the
 * stored objects. Returns the new issue.
 */
export async function attachResult(ctx: Ctx, request: FastifyRequest, id: string, options: AttachResultOptions): Promise<ResultRow> {
  const d = await loadForResult(ctx, id);
  // A reader of the dossier learns that its result is final (409) before whether they could have issued it (403).
  if (!RESULT_STATES.includes(d.row.state)) throw new AppError('INVALID_STATE', { state: d.row.state });
  if (!can(ctx.actor, DOSSIER_ACTIONS.result, d.subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.result });

  const received = await receiveUploads(request, options.store, { allowedTypes: ['application/pdf'], maxFileBytes: options.maxFileBytes, maxFiles: 1 });
  let certificateKey: string | null = null;
  try {
    const { paperOriginal: ticked, reason, document } = fieldsOf(received.fields);
    const file = received.files[0]!;
    const previous = await findCurrentResult(ctx.db, id);
    if (previous && !reason) throw invalid('body.reason', 'dossiers.errors.resultReplaceReasonRequired');
    const now = ctx.clock.now();
    const token = randomBytes(16).toString('base64url');
    const paper = paperOriginalOf(d.row, ticked);
    const issuing = d.units.get(d.row.handlingUnitId)!;
    const parent = await parentNameOf(ctx, issuing);
    const certificateData = {
      dossierCode: d.row.code,
      procedureName: d.row.procedureName,
      issuingUnitName: issuing.name,
      parentUnitName: parent,
      issuedAt: now,
      fileName: file.displayName,
      sizeBytes: file.size,
      sha256: file.sha256,
      verifyUrl: verifyUrlOf(options.publicBaseUrl, token),
      paperOriginal: paper.paperOriginal,
      replaces: previous ? { issuedAt: previous.issuedAt, sha256: previous.sha256 } : null,
    };
    // Rendered and stored before the transaction, or inside it once the document's number is known (it is printed).
    const storeCertificate = async (documentNumberSymbol: string | null): Promise<ReceivedFile> => {
      const stored = await options.store.put(await renderResultCertificate({ ...certificateData, documentNumberSymbol }));
      certificateKey = stored.key;
      return {
        storeKey: stored.key,
        size: stored.size,
        sha256: stored.sha256,
        mediaType: 'application/pdf',
        displayName: `xac-nhan-ket-qua-${d.row.code}.pdf`,
        extensionCorrected: false,
        fieldName: 'certificate',
      };
    };
    const preparedCertificate = document ? null : await storeCertificate(null);

    return await withTransaction(ctx, async (scope) => {
      const { tx } = scope;
      const state = await lockDossierState(tx, id);
      if (!state || !RESULT_STATES.includes(state.state)) throw new AppError('INVALID_STATE', { state: state?.state ?? d.row.state });
      const current = await lockCurrentResult(tx, id);
      // Another officer issued meanwhile: this upload was prepared against an older result (its certificate says so).
      if ((current?.id ?? null) !== (previous?.id ?? null)) throw new AppError('VERSION_CONFLICT', {});
      const issuedDocument = document ? await issueAsDocument(ctx, scope, d, issuing, document) : null;
      const certificateFile = preparedCertificate ?? (await storeCertificate(issuedDocument!.numberSymbol));
      const [unitFile, certFile] = await recordFiles(scope, { ownerKey: resultOwnerKey(id), quotaBytes: RESULT_QUOTA_BYTES_PER_DOSSIER, files: [file, certificateFile], at: now });
      const newId = randomUUID();
      const actorId = actorIdOf(ctx);
      const actorLabel = actorLabelOf(ctx);
      if (current) await markReplaced(tx, current.id, { at: now, by: actorId, byLabel: actorLabel, reason: reason!, successorId: newId });
      const issued = await insertResult(tx, {
        id: newId,
        dossierId: id,
        token,
        fileId: unitFile!.id,
        fileName: unitFile!.displayName,
        sizeBytes: unitFile!.size,
        sha256: unitFile!.sha256,
        certificateFileId: certFile!.id,
        certificateSha256: certFile!.sha256,
        issuingUnitId: issuing.id,
        documentId: issuedDocument?.id ?? null,
        documentNumberSymbol: issuedDocument?.numberSymbol ?? null,
        issuedAt: now,
        issuedBy: actorId,
        issuedByLabel: actorLabel,
        ...paper,
      });
      await scope.audit({
        action: current ? `${DOSSIER_ACTIONS.result}.replace` : `${DOSSIER_ACTIONS.result}.issue`,
        subjectType: 'dossier',
        subjectId: id,
        before: current ? { resultId: current.id, sha256: current.sha256, issuedAt: toVnIso(current.issuedAt) } : null,
        after: {
          resultId: issued.id,
          fileId: issued.fileId,
          sha256: issued.sha256,
          certificateSha256: issued.certificateSha256,
          state: state.state,
          paperOriginal: issued.paperOriginal,
          paperOriginalReason: issued.paperOriginalReason,
          ...(issuedDocument ? { documentId: issuedDocument.id, documentNumberSymbol: issuedDocument.numberSymbol } : {}),
          ...(current ? { reason } : {}),
        },
      });
      return issued;
    });
  } catch (err) {
    await received.discard();
    if (certificateKey) await options.store.delete(certificateKey);
    throw err;
  }
}

/** The name of the unit above the issuing one (the certificate's heading), or null at the top. */
async function parentNameOf(ctx: Ctx, unit: UnitInfo): Promise<string | null> {
  // Paths are "/<id>/<id>/…/" from the root: the parent is the second-to-last id.
  const ids = unit.path.split('/').filter(Boolean);
  const parentId = ids.length >= 2 ? ids[ids.length - 2] : undefined;
  if (!parentId) return null;
  return (await unitsById(ctx.db, [parentId])).get(parentId)?.name ?? null;
}
