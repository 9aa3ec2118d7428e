import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, pageOf } from '../common/common.contracts';
import { UnitRefSchema } from '../dossiers/dossiers.contracts';
import {
  CLOSE_OUTCOMES,
  CONFIDENTIALITY_LEVELS,
  DOCUMENT_EVENT_KINDS,
  DOCUMENT_LIMITS as L,
  DOCUMENT_TYPE_CODES,
  INCOMING_ACTIONS,
  INCOMING_STATES,
  OUTGOING_ACTIONS,
  OUTGOING_STATES,
  RECEIPT_STATES,
  RECEIVED_VIA,
  REGISTERED_VIA,
  SIGNING_PREFIXES,
  URGENCY_LEVELS,
} from './documents.values';

// Official incoming and outgoing documents (issue 15; domain README §11; NĐ 30/2020/NĐ-CP), the contract of
// docs/api-plan-documents.md. Field messages are i18n keys (translated by the server's error handler and by the web
// app). Instants are ISO-8601 with the +07:00 offset (domain README §19.1); legal days are YYYY-MM-DD.

export * from './documents.values';

export const DocumentTypeCodeSchema = z.enum(DOCUMENT_TYPE_CODES);
export const IncomingStateSchema = z.enum(INCOMING_STATES);
export type IncomingState = z.infer<typeof IncomingStateSchema>;
export const OutgoingStateSchema = z.enum(OUTGOING_STATES);
export type OutgoingState = z.infer<typeof OutgoingStateSchema>;
export const ReceivedViaSchema = z.enum(RECEIVED_VIA);
export type ReceivedVia = z.infer<typeof ReceivedViaSchema>;
export const UrgencySchema = z.enum(URGENCY_LEVELS);
export type Urgency = z.infer<typeof UrgencySchema>;
export const ConfidentialitySchema = z.enum(CONFIDENTIALITY_LEVELS);
export type Confidentiality = z.infer<typeof ConfidentialitySchema>;
export const SigningPrefixSchema = z.enum(SIGNING_PREFIXES);
export type SigningPrefix = z.infer<typeof SigningPrefixSchema>;
export const ReceiptStateSchema = z.enum(RECEIPT_STATES);
export type ReceiptState = z.infer<typeof ReceiptStateSchema>;

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
/** The optimistic lock every officer action carries: the version the officer saw. */
const Version = z.number().int().min(1);
/** An abbreviation as printed in a ký hiệu: letters (Vietnamese included) and digits, no spaces or hyphens. */
const Abbreviation = z
  .string()
  .trim()
  .min(1)
  .max(L.abbreviationMax)
  .regex(/^[\p{L}\p{N}]+$/u, 'documents.errors.abbreviation');

export const DocumentIdParamsSchema = z.object({ id: z.uuid() });
export const DocumentUnitParamsSchema = z.object({ unitId: z.uuid() });
export const DocumentFileParamsSchema = z.object({ fileId: z.uuid() });

// ---------------------------------------------------------------- types and settings

export const DocumentTypeSchema = z.object({ code: DocumentTypeCodeSchema, name: z.string(), abbreviation: z.string().nullable() });
/** GET /documents/types: the 29 types of Phụ lục III. */
export const DocumentTypeListSchema = z.object({ items: z.array(DocumentTypeSchema) });
export type DocumentTypeList = z.infer<typeof DocumentTypeListSchema>;

/** A numbering series of the body: `chung` numbers every type no other series names (NĐ 30/2020 Điều 15). */
export const DocumentSeriesSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(L.seriesKeyMax)
    .regex(/^[a-z0-9-]+$/, 'documents.errors.seriesKey'),
  name: Text(1, L.nameMax),
  typeCodes: z.array(DocumentTypeCodeSchema).max(29),
});
export type DocumentSeries = z.infer<typeof DocumentSeriesSchema>;

/** PUT /documents/settings/:unitId: the body's abbreviation and series; `version` 0 when the unit has none yet. */
export const DocumentSettingsRequestSchema = z
  .object({
    issuerAbbreviation: Abbreviation,
    series: z.array(DocumentSeriesSchema).min(1).max(L.seriesMax),
    version: z.number().int().min(0),
  })
  .superRefine((s, ctx) => {
    const keys = s.series.map((x) => x.key);
    if (!keys.includes('chung')) ctx.addIssue({ code: 'custom', path: ['series'], message: 'documents.errors.seriesChung' });
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['series'], message: 'documents.errors.seriesDuplicate' });
    const codes = s.series.flatMap((x) => x.typeCodes);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['series'], message: 'documents.errors.seriesTypeTwice' });
  });
export type DocumentSettingsRequest = z.infer<typeof DocumentSettingsRequestSchema>;
export const DocumentSettingsSchema = z.object({
  unitId: z.uuid(),
  issuerAbbreviation: z.string(),
  series: z.array(DocumentSeriesSchema),
  /** 0 while the unit has no saved settings (the values shown are the defaults). */
  version: z.number().int(),
});
export type DocumentSettings = z.infer<typeof DocumentSettingsSchema>;

// ---------------------------------------------------------------- shared views

export const DocumentFileSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFileSchema>;

export const DocumentEventSchema = z.object({
  at: z.string(),
  kind: z.enum(DOCUMENT_EVENT_KINDS),
  actorLabel: z.string().nullable(),
  text: z.string().nullable(),
});
export type DocumentEvent = z.infer<typeof DocumentEventSchema>;

const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });

/** Electronic metadata of Phụ lục VI (NĐ 30/2020/NĐ-CP), as the national exchange names the fields. */
export const DocumentMetadataSchema = z.object({
  CodeNumber: z.string().nullable(),
  CodeNotation: z.string().nullable(),
  IssuedDate: z.string().nullable(),
  Subject: z.string(),
  TypeCode: z.string(),
  OrganizationCode: z.string().nullable(),
  SignerFullName: z.string().nullable(),
  SignerPosition: z.string().nullable(),
  DueDate: z.string().nullable(),
  SecurityLevel: z.string(),
  UrgencyLevel: z.string(),
  RecipientList: z.array(z.string()),
  StatusCode: z.string(),
  ArrivalDate: z.string().optional(),
  ArrivalNumber: z.number().int().optional(),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;

// ---------------------------------------------------------------- incoming (văn bản đến)

/** POST /documents/incoming: the clerk registers a document that arrived on paper or electronically. */
export const RegisterIncomingRequestSchema = z.object({
  unitId: z.uuid(),
  receivedVia: z.enum(REGISTERED_VIA),
  senderName: Text(L.nameMin, L.nameMax),
  senderCode: Text(1, L.codeMax).optional(),
  /** As printed on the document, e.g. "125/UBND-VP". */
  numberSymbol: Text(1, L.numberSymbolMax),
  issuedOn: IsoDateSchema,
  typeCode: DocumentTypeCodeSchema,
  /** Trích yếu. */
  subject: Text(L.subjectMin, L.subjectMax),
  urgency: UrgencySchema,
  confidentiality: ConfidentialitySchema,
  pageCount: z.number().int().min(1).max(L.pageCountMax).optional(),
  note: Text(1, L.noteMax).optional(),
});
export type RegisterIncomingRequest = z.infer<typeof RegisterIncomingRequestSchema>;

/** GET /documents/incoming/:id/lead-candidates: the persons the leader may name as the lead (specialists and leaders of the body). */
export const LeadCandidatesSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), /** The units of their grants in the body. */ units: z.array(z.string()) })),
});
export type LeadCandidates = z.infer<typeof LeadCandidatesSchema>;
/**
 * POST /documents/incoming/:id/assign: a lead unit or a lead person (not both), partner units, and a deadline in
 * working days or a date (not both), or none (follow-up without a deadline).
 */
export const AssignIncomingRequestSchema = z
  .object({
    version: Version,
    leadUnitId: z.uuid().optional(),
    leadUserId: z.uuid().optional(),
    partnerUnitIds: z.array(z.uuid()).max(L.partnersMax).default([]),
    handlingDays: z.number().int().min(1).max(L.handlingDaysMax).optional(),
    dueOn: IsoDateSchema.optional(),
    instruction: Text(1, L.textMax).optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.leadUnitId === undefined) === (a.leadUserId === undefined)) ctx.addIssue({ code: 'custom', path: ['leadUnitId'], message: 'documents.errors.leadOne' });
    if (a.handlingDays !== undefined && a.dueOn !== undefined) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'documents.errors.daysOrDate' });
  });
export type AssignIncomingRequest = z.infer<typeof AssignIncomingRequestSchema>;

/** POST /documents/incoming/:id/notes: a handling note. */
export const IncomingNoteRequestSchema = z.object({ version: Version, text: Text(L.textMin, L.textMax) });
export type IncomingNoteRequest = z.infer<typeof IncomingNoteRequestSchema>;

/** POST /documents/incoming/:id/close: handled ("done", optionally with the reply document) or read for information ("noted"). */
export const CloseIncomingRequestSchema = z.object({
  version: Version,
  outcome: z.enum(CLOSE_OUTCOMES),
  text: Text(L.textMin, L.textMax),
  replyDocumentId: z.uuid().optional(),
});
export type CloseIncomingRequest = z.infer<typeof CloseIncomingRequestSchema>;

const Flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const YearSchema = z.coerce.number().int().min(2000).max(2100);

/** GET /documents/incoming: the register, newest arrival number first. */
export const IncomingListQuerySchema = PageQuerySchema.extend({
  unitId: z.uuid().optional(),
  state: IncomingStateSchema.optional(),
  /** Searched without diacritics in the subject, number/symbol, sender and file names. */
  q: z.string().trim().max(200).optional(),
  year: YearSchema.optional(),
  /** true: ASSIGNED and past the handling due instant. */
  overdue: Flag,
  /** true: assigned to the caller as lead person, or to one of the caller's units as lead. */
  assignedToMe: Flag,
});
export type IncomingListQuery = z.infer<typeof IncomingListQuerySchema>;

export const IncomingAssignmentSchema = z.object({
  leadUnit: UnitRefSchema.nullable(),
  leadUser: PersonRefSchema.nullable(),
  partnerUnits: z.array(UnitRefSchema),
  handlingDays: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  instruction: z.string().nullable(),
  assignedAt: z.string(),
  assignedBy: PersonRefSchema.nullable(),
});
export type IncomingAssignment = z.infer<typeof IncomingAssignmentSchema>;

/** An incoming document as the register lists it. */
export const IncomingSummarySchema = z.object({
  id: z.uuid(),
  unit: UnitRefSchema,
  arrivalYear: z.number().int(),
  arrivalNumber: z.number().int(),
  receivedAt: z.string(),
  receivedVia: ReceivedViaSchema,
  senderName: z.string(),
  senderCode: z.string().nullable(),
  numberSymbol: z.string(),
  issuedOn: z.string(),
  typeCode: DocumentTypeCodeSchema,
  typeName: z.string(),
  subject: z.string(),
  urgency: UrgencySchema,
  confidentiality: ConfidentialitySchema,
  pageCount: z.number().int().nullable(),
  note: z.string().nullable(),
  state: IncomingStateSchema,
  /** Presented to the leader no later than the end of the next working day (NĐ 30/2020 Điều 22). */
  presentDueAt: z.string(),
  /** The handling deadline, once assigned with one. */
  dueAt: z.string().nullable(),
  /** ASSIGNED and past `dueAt`. */
  overdue: z.boolean(),
  leadUnit: UnitRefSchema.nullable(),
  leadUser: PersonRefSchema.nullable(),
  handledAt: z.string().nullable(),
  /** Closed no later than `dueAt` (true when there was no deadline); null until closed. */
  handledOnTime: z.boolean().nullable(),
  outcome: z.enum(CLOSE_OUTCOMES).nullable(),
  version: z.number().int(),
});
export type IncomingSummary = z.infer<typeof IncomingSummarySchema>;
export const IncomingListSchema = pageOf(IncomingSummarySchema);
export type IncomingList = z.infer<typeof IncomingListSchema>;

/** Where an internal arrival came from: the sender's outgoing document, and the state of its receipt. */
export const IncomingReceiptSchema = z.object({
  outgoingId: z.uuid(),
  fromUnit: UnitRefSchema,
  numberSymbol: z.string(),
  state: ReceiptStateSchema,
  receivedAt: z.string(),
  assignedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type IncomingReceipt = z.infer<typeof IncomingReceiptSchema>;

export const IncomingDetailSchema = IncomingSummarySchema.extend({
  closeText: z.string().nullable(),
  replyDocumentId: z.uuid().nullable(),
  files: z.array(DocumentFileSchema),
  events: z.array(DocumentEventSchema),
  assignment: IncomingAssignmentSchema.nullable(),
  receipt: IncomingReceiptSchema.nullable(),
  metadata: DocumentMetadataSchema,
  allowedActions: z.array(z.enum(INCOMING_ACTIONS)),
});
export type IncomingDetail = z.infer<typeof IncomingDetailSchema>;

// ---------------------------------------------------------------- outgoing (văn bản đi)

export const ExternalRecipientSchema = z.object({ name: Text(L.nameMin, L.nameMax), code: Text(1, L.codeMax).optional() });
export type ExternalRecipient = z.infer<typeof ExternalRecipientSchema>;
export const RecipientsInputSchema = z
  .object({
    unitIds: z.array(z.uuid()).max(L.recipientsMax).default([]),
    external: z.array(ExternalRecipientSchema).max(L.recipientsMax).default([]),
  })
  .refine((r) => new Set(r.unitIds).size === r.unitIds.length, { message: 'documents.errors.recipientTwice', path: ['unitIds'] });

const outgoingFields = {
  unitId: z.uuid(),
  /** The unit that drafted it (its abbreviation is the second group of a công văn's ký hiệu). */
  draftingUnitId: z.uuid(),
  typeCode: DocumentTypeCodeSchema,
  subject: Text(L.subjectMin, L.subjectMax),
  content: Text(1, L.contentMax).optional(),
  urgency: UrgencySchema,
  confidentiality: ConfidentialitySchema,
  recipients: RecipientsInputSchema,
  replyToIncomingId: z.uuid().optional(),
};

/** POST /documents/outgoing: a new draft. */
export const CreateOutgoingRequestSchema = z.object(outgoingFields);
export type CreateOutgoingRequest = z.infer<typeof CreateOutgoingRequestSchema>;
/** PUT /documents/outgoing/:id: the draft's fields, while DRAFT (the body does not change). */
export const UpdateOutgoingRequestSchema = z.object({ ...outgoingFields, version: Version }).omit({ unitId: true });
export type UpdateOutgoingRequest = z.infer<typeof UpdateOutgoingRequestSchema>;
export const OutgoingVersionRequestSchema = z.object({ version: Version });
export type OutgoingVersionRequest = z.infer<typeof OutgoingVersionRequestSchema>;
export const ReturnOutgoingRequestSchema = z.object({ version: Version, note: Text(L.textMin, L.textMax) });
export type ReturnOutgoingRequest = z.infer<typeof ReturnOutgoingRequestSchema>;
/** POST /documents/outgoing/:id/sign (NĐ 30/2020 Điều 13). */
export const SignOutgoingRequestSchema = z.object({
  version: Version,
  signerName: Text(L.nameMin, L.nameMax),
  signerPosition: Text(L.nameMin, L.nameMax),
  signingPrefix: SigningPrefixSchema,
});
export type SignOutgoingRequest = z.infer<typeof SignOutgoingRequestSchema>;
export const IssueOutgoingRequestSchema = z.object({ version: Version });
export type IssueOutgoingRequest = z.infer<typeof IssueOutgoingRequestSchema>;

/** GET /documents/outgoing. */
export const OutgoingListQuerySchema = PageQuerySchema.extend({
  unitId: z.uuid().optional(),
  state: OutgoingStateSchema.optional(),
  q: z.string().trim().max(200).optional(),
  year: YearSchema.optional(),
});
export type OutgoingListQuery = z.infer<typeof OutgoingListQuerySchema>;

/** A recipient unit inside motcua: the incoming copy made for it and how far it has been handled. */
export const OutgoingReceiptSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  state: ReceiptStateSchema,
  receivedAt: z.string(),
  assignedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  incomingId: z.uuid(),
});
export type OutgoingReceipt = z.infer<typeof OutgoingReceiptSchema>;

export const OutgoingSummarySchema = z.object({
  id: z.uuid(),
  unit: UnitRefSchema,
  draftingUnit: UnitRefSchema,
  typeCode: DocumentTypeCodeSchema,
  typeName: z.string(),
  subject: z.string(),
  urgency: UrgencySchema,
  confidentiality: ConfidentialitySchema,
  state: OutgoingStateSchema,
  seriesKey: z.string().nullable(),
  /** Set at issue: the number in the series and year, and the printed form "05/QĐ-STP". */
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  numberSymbol: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signingPrefix: SigningPrefixSchema.nullable(),
  recipients: z.object({ units: z.array(UnitRefSchema), external: z.array(z.object({ name: z.string(), code: z.string().nullable() })) }),
  createdAt: z.string(),
  createdBy: PersonRefSchema.nullable(),
  version: z.number().int(),
});
export type OutgoingSummary = z.infer<typeof OutgoingSummarySchema>;
export const OutgoingListSchema = pageOf(OutgoingSummarySchema);
export type OutgoingList = z.infer<typeof OutgoingListSchema>;

export const OutgoingDetailSchema = OutgoingSummarySchema.extend({
  content: z.string().nullable(),
  replyToIncomingId: z.uuid().nullable(),
  /** The leader's note when it was last returned to DRAFT. */
  returnNote: z.string().nullable(),
  /** The dossier whose result this document is (issueResultDocument), if any. */
  dossierId: z.uuid().nullable(),
  /** National exchange identifier "<unit code>,<yyyy/mm/dd>,<số/ký hiệu>", once issued to external recipients. */
  exchangeId: z.string().nullable(),
  files: z.array(DocumentFileSchema),
  events: z.array(DocumentEventSchema),
  receipts: z.array(OutgoingReceiptSchema),
  metadata: DocumentMetadataSchema,
  allowedActions: z.array(z.enum(OUTGOING_ACTIONS)),
});
export type OutgoingDetail = z.infer<typeof OutgoingDetailSchema>;

// ---------------------------------------------------------------- books and numbers

/** GET /documents/books/incoming.xlsx and outgoing.xlsx: the yearly register (default: the current year in +07:00). */
export const BookQuerySchema = z.object({ unitId: z.uuid(), year: YearSchema.optional() });
export type BookQuery = z.infer<typeof BookQuerySchema>;
export const BookFileSchema = z.string().describe('binary: an .xlsx workbook (Phụ lục IV register)');
/** GET /documents/files/:fileId: the file's bytes. */
export const DocumentFileContentSchema = z.string().describe('binary file: application/pdf, image/jpeg or image/png');

/** GET /documents/indicators: counts over documents received / issued from `from` to `to` (days in +07:00, both included). */
export const DocumentIndicatorsQuerySchema = z.object({ unitId: z.uuid(), from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });
export type DocumentIndicatorsQuery = z.infer<typeof DocumentIndicatorsQuerySchema>;
export const DocumentIndicatorsSchema = z.object({
  unitId: z.uuid(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** How the numbers are defined, in the caller's language. */
  definition: z.string(),
  incoming: z.object({
    received: z.number().int(),
    assigned: z.number().int(),
    done: z.number().int(),
    doneOnTime: z.number().int(),
    overdueOpen: z.number().int(),
    /** doneOnTime / done, null when none is done. */
    onTimeRate: z.number().nullable(),
  }),
  outgoing: z.object({ issued: z.number().int() }),
});
export type DocumentIndicators = z.infer<typeof DocumentIndicatorsSchema>;

// ---------------------------------------------------------------- dossier results (module function, not a route)

/** Input of `issueResultDocument` (documents/index.ts): a dossier's result issued as an outgoing document. */
export const IssueResultDocumentInputSchema = z.object({
  unitId: z.uuid(),
  typeCode: DocumentTypeCodeSchema,
  subject: Text(L.subjectMin, L.subjectMax),
  signerName: Text(L.nameMin, L.nameMax),
  signerPosition: Text(L.nameMin, L.nameMax),
  signingPrefix: SigningPrefixSchema,
  dossierId: z.uuid(),
});
export type IssueResultDocumentInput = z.infer<typeof IssueResultDocumentInputSchema>;
export const IssuedDocumentRefSchema = z.object({ id: z.uuid(), numberSymbol: z.string(), issuedOn: z.string() });
export type IssuedDocumentRef = z.infer<typeof IssuedDocumentRefSchema>;

/** Error codes of the module (plus the shared validation code). */
export const DOCUMENT_ERROR_CODES = ['DOCUMENT_NOT_FOUND', 'DOCUMENT_FORBIDDEN', 'DOCUMENT_STALE', 'DOCUMENT_STATE'] as const;
