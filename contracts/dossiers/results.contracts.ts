import { z } from 'zod';
import { DocumentTypeCodeSchema, SigningPrefixSchema } from '../documents/documents.contracts';
import { RESULT_DELIVERIES } from './dossiers.values';

// Electronic results (NĐ 45/2020/NĐ-CP): the unit's PDF, the server's certificate with a QR code, public verification.

/** Why a paper original is to be collected: the dossier's result delivery is on paper, or the officer said so. */
export const PAPER_ORIGINAL_REASONS = ['result-delivery', 'officer'] as const;
export const PaperOriginalReasonSchema = z.enum(PAPER_ORIGINAL_REASONS);

/** A result in force, or one replaced by a later issue before the result was returned. */
export const RESULT_STATUSES = ['valid', 'replaced'] as const;
export const ResultStatusSchema = z.enum(RESULT_STATUSES);
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

/** The verification token: 128 random bits in base64url (22 characters). */
export const ResultTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'dossiers.errors.resultTokenInvalid');
export const ResultTokenParamsSchema = z.object({ token: ResultTokenSchema });
export const ResultFileParamsSchema = z.object({ id: z.uuid(), resultId: z.uuid(), file: z.enum(['result', 'certificate']) });

/** Text fields of the multipart upload of a result (the file part is `file`). */
export const AttachResultFieldsSchema = z.object({
  /** "true" when the officer ticks "paper original to collect". */
  paperOriginal: z.enum(['true', 'false']).optional(),
  /** Required when a result in force is replaced (audited, shown on the history). */
  reason: z.string().trim().min(1).max(500).optional(),
  /** JSON of `AttachResultDocumentSchema`: issue the result as an outgoing document of the signing unit (issue 15 item 6). */
  document: z.string().max(2000).optional(),
});

/**
 * The optional `document` field of the upload: the result (a decision, a certificate…) takes the next number of the
 * outgoing series of the signing unit (the handling unit, or its nearest parent with document settings; NĐ 30/2020).
 */
export const AttachResultDocumentSchema = z.object({
  typeCode: DocumentTypeCodeSchema,
  signerName: z.string().trim().min(2).max(300),
  signerPosition: z.string().trim().min(2).max(300),
  signingPrefix: SigningPrefixSchema,
});
export type AttachResultDocument = z.infer<typeof AttachResultDocumentSchema>;

/** One issued result as the back office sees it. */
export const IssuedResultSchema = z.object({
  id: z.uuid(),
  token: z.string(),
  verifyUrl: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  certificateSha256: z.string(),
  issuingUnit: z.object({ id: z.uuid(), name: z.string() }),
  issuedAt: z.string(),
  issuedBy: z.string(),
  status: ResultStatusSchema,
  paperOriginal: z.boolean(),
  paperOriginalReason: PaperOriginalReasonSchema.nullable(),
  replacedAt: z.string().nullable(),
  replacedBy: z.string().nullable(),
  replaceReason: z.string().nullable(),
  /** The outgoing document the result was issued as, with its số/ký hiệu; null when none. */
  document: z.object({ id: z.uuid(), numberSymbol: z.string() }).nullable(),
});
export type IssuedResult = z.infer<typeof IssuedResultSchema>;

/** GET /dossiers/:id/result: the result in force, earlier issues, and what the reader may do. */
export const DossierResultViewSchema = z.object({
  dossierId: z.uuid(),
  resultDelivery: z.enum(RESULT_DELIVERIES),
  current: IssuedResultSchema.nullable(),
  history: z.array(IssuedResultSchema),
  /** The reader may attach (or replace) the result now. */
  canAttach: z.boolean(),
  /** A paper original will be collected by default (the dossier's result delivery is on paper). */
  paperByDelivery: z.boolean(),
});
export type DossierResultView = z.infer<typeof DossierResultViewSchema>;

/** POST /dossiers/:id/result answer. */
export const AttachResultResponseSchema = z.object({ result: IssuedResultSchema, view: DossierResultViewSchema });
export type AttachResultResponse = z.infer<typeof AttachResultResponseSchema>;

/** GET /results/verify/:token — what anyone holding the address may learn (no personal data). */
export const ResultVerificationSchema = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  issuingUnitName: z.string(),
  issuedAt: z.string(),
  sha256: z.string(),
  certificateSha256: z.string(),
  sizeBytes: z.number().int(),
  status: ResultStatusSchema,
  replacedAt: z.string().nullable(),
  /** Số/ký hiệu of the document the result was issued as, or null. */
  documentNumberSymbol: z.string().nullable(),
});
export type ResultVerification = z.infer<typeof ResultVerificationSchema>;

/** POST /results/verify/:token/compare — whether the uploaded file is the issued result (or its certificate). */
export const ResultCompareResponseSchema = z.object({
  match: z.boolean(),
  /** Which issued file it equals, when it does. */
  matched: z.enum(['result', 'certificate']).nullable(),
  /** SHA-256 of the uploaded file, to read beside the issued one. */
  sha256: z.string(),
  sizeBytes: z.number().int(),
  status: ResultStatusSchema,
});
export type ResultCompareResponse = z.infer<typeof ResultCompareResponseSchema>;
