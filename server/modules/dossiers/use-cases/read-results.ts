// Reading electronic results: the back office's view and files, the public verification by token (no personal data:
// the code, the procedure and the agency, as the public lookup already shows, plus the hashes), the comparison of an
// uploaded file with the issued one (hashed as it streams, never stored), and the applicant's access for the portal.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { toVnIso } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { findFile, formatBytes, sendFile, type FileStore, type StoredFile } from '../../../platform/files';
import type { DossierResultView, IssuedResult, ResultCompareResponse, ResultVerification } from '../../../../contracts/dossiers/results.contracts';
import { findDossier, unitsById, type UnitInfo } from '../dossiers.repository';
import { findCurrentResult, findResult, findResultByToken, listResults, type ResultRow } from '../dossiers.results.repository';
import { loadForResult, mayAttach, verifyUrlOf } from './issue-result';

/** One issue as the back office sees it. */
export function presentResult(r: ResultRow, units: Map<string, UnitInfo>, publicBaseUrl: string): IssuedResult {
  return {
    id: r.id,
    token: r.token,
    verifyUrl: verifyUrlOf(publicBaseUrl, r.token),
    fileName: r.fileName,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    certificateSha256: r.certificateSha256,
    issuingUnit: { id: r.issuingUnitId, name: units.get(r.issuingUnitId)?.name ?? '' },
    issuedAt: toVnIso(r.issuedAt),
    issuedBy: r.issuedByLabel,
    status: r.replacedAt ? 'replaced' : 'valid',
    paperOriginal: r.paperOriginal,
    paperOriginalReason: r.paperOriginalReason ?? null,
    replacedAt: r.replacedAt ? toVnIso(r.replacedAt) : null,
    replacedBy: r.replacedByLabel,
    replaceReason: r.replaceReason,
    document: r.documentId && r.documentNumberSymbol ? { id: r.documentId, numberSymbol: r.documentNumberSymbol } : null,
  };
}

/** GET /dossiers/:id/result: any officer who may read the dossier; `canAttach` says whether they may issue now. */
export async function getDossierResult(ctx: Ctx, id: string, publicBaseUrl: string): Promise<DossierResultView> {
  const d = await loadForResult(ctx, id);
  const rows = await listResults(ctx.db, id);
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.issuingUnitId),
  );
  const all = rows.map((r) => presentResult(r, units, publicBaseUrl));
  return {
    dossierId: id,
    resultDelivery: d.row.resultDelivery,
    current: all.find((r) => r.status === 'valid') ?? null,
    history: all.filter((r) => r.status === 'replaced'),
    canAttach: mayAttach(ctx, d),
    paperByDelivery: d.row.resultDelivery !== 'online',
  };
}

/** GET /dossiers/:id/result/:resultId/:file — the unit's PDF or the certificate, shown in the browser. */
export async function sendResultFile(ctx: Ctx, reply: FastifyReply, store: FileStore, id: string, resultId: string, which: 'result' | 'certificate'): Promise<FastifyReply> {
  await loadForResult(ctx, id);
  const row = await findResult(ctx.db, id, resultId);
  if (!row) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  const file = await findFile(ctx.db, which === 'result' ? row.fileId : row.certificateFileId);
  if (!file) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  return sendFile(reply, store, file, { disposition: 'inline' });
}

const resultNotFound = () => new AppError('RESULT_NOT_FOUND', {}, { status: 404 });

/** GET /results/verify/:token — public; 404 for an unknown token. */
export async function verifyResult(ctx: Ctx, token: string): Promise<ResultVerification> {
  const r = await findResultByToken(ctx.db, token);
  if (!r) throw resultNotFound();
  const dossier = await findDossier(ctx.db, r.dossierId);
  if (!dossier) throw resultNotFound();
  const units = await unitsById(ctx.db, [r.issuingUnitId]);
  return {
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    issuingUnitName: units.get(r.issuingUnitId)?.name ?? '',
    issuedAt: toVnIso(r.issuedAt),
    sha256: r.sha256,
    certificateSha256: r.certificateSha256,
    sizeBytes: r.sizeBytes,
    status: r.replacedAt ? 'replaced' : 'valid',
    replacedAt: r.replacedAt ? toVnIso(r.replacedAt) : null,
    documentNumberSymbol: r.documentNumberSymbol ?? null,
  };
}

/** The SHA-256 and size of the request's one file part, read as it streams and kept nowhere. */
async function hashUpload(request: FastifyRequest, maxBytes: number): Promise<{ sha256: string; size: number }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let result: { sha256: string; size: number } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1, files: 1, fieldSize: 1024 } }) as AsyncIterable<Multipart>) {
      if (part.type !== 'file') continue;
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw new AppError('FILE_TOO_LARGE', { name: part.filename, limit: formatBytes(maxBytes) }, { status: 413 });
        hash.update(chunk);
      }
      result = { sha256: hash.digest('hex'), size };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string } | null)?.code;
    if (code === 'FST_FILES_LIMIT') throw new AppError('TOO_MANY_FILES', { max: 1 }, { status: 413 });
    if (typeof code === 'string' && code.startsWith('FST_')) throw err;
    throw new AppError('MULTIPART_MALFORMED', {}, { cause: err });
  }
  if (!result || result.size === 0) throw new AppError('FILE_REQUIRED');
  return result;
}

/**
 * POST /results/verify/:token/compare — public. The token is checked first (an unknown one is refused before the body
 * is read); the file is hashed while it streams and dropped: nothing is stored or logged but the verdict.
 */
export async function compareResult(ctx: Ctx, request: FastifyRequest, token: string, maxBytes: number): Promise<ResultCompareResponse> {
  const r = await findResultByToken(ctx.db, token);
  if (!r) throw resultNotFound();
  const { sha256, size } = await hashUpload(request, maxBytes);
  const matched = sha256 === r.sha256 ? 'result' : sha256 === r.certificateSha256 ? 'certificate' : null;
  return { match: matched !== null, matched, sha256, sizeBytes: size, status: r.replacedAt ? 'replaced' : 'valid' };
}

/** The issued result of a dossier for its applicant: what it is and its two stored files. */
export interface ApplicantIssuedResult {
  dossierId: string;
  dossierCode: string;
  resultId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  issuedAt: string;
  issuingUnitName: string;
  verifyUrl: string;
  /** A paper original is to be collected (or posted) besides the electronic result. */
  paperOriginal: boolean;
  paperOriginalReason: 'result-delivery' | 'officer' | null;
  /** The unit's PDF and the certificate, for sendIssuedResult. */
  files: { result: StoredFile; certificate: StoredFile };
}

/**
 * The result in force of a dossier for its applicant (the caller establishes that the reader owns the dossier, as
 * with getDossierForApplicant); null when none was issued. 404 for an unknown dossier.
 */
export async function getIssuedResultForApplicant(ctx: Ctx, dossierId: string, publicBaseUrl: string): Promise<ApplicantIssuedResult | null> {
  const dossier = await findDossier(ctx.db, dossierId);
  if (!dossier) throw notFound('dossier', dossierId);
  const r = await findCurrentResult(ctx.db, dossierId);
  if (!r) return null;
  const [result, certificate, units] = await Promise.all([findFile(ctx.db, r.fileId), findFile(ctx.db, r.certificateFileId), unitsById(ctx.db, [r.issuingUnitId])]);
  if (!result || !certificate) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  return {
    dossierId,
    dossierCode: dossier.code,
    resultId: r.id,
    fileName: r.fileName,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    issuedAt: toVnIso(r.issuedAt),
    issuingUnitName: units.get(r.issuingUnitId)?.name ?? '',
    verifyUrl: verifyUrlOf(publicBaseUrl, r.token),
    paperOriginal: r.paperOriginal,
    paperOriginalReason: r.paperOriginalReason ?? null,
    files: { result, certificate },
  };
}

/** Streams the applicant's result (`result`, the unit's PDF) or its certificate, checked against its SHA-256 (D23). */
export function sendIssuedResult(reply: FastifyReply, store: FileStore, issued: ApplicantIssuedResult, which: 'result' | 'certificate' = 'result'): Promise<FastifyReply> {
  return sendFile(reply, store, issued.files[which], { disposition: 'attachment' });
}
