import { z } from 'zod';
import { ChannelSchema } from '../catalog/catalog.contracts';
import { DossierSlipViewSchema, DueProvisionalSchema, ResultDeliverySchema, SupplementFileSchema } from '../dossiers/dossiers.contracts';
import { PAUSE_REASONS } from '../dossiers/dossiers.values';

// The portal's "my dossiers" (issue 11 items 4 and 6): every dossier of the signed-in account, as its applicant sees
// it. Instants are ISO-8601 with the +07:00 offset (domain README §19.1).

/** How a dossier belongs to the account: received from one of its online applications, or at a desk under its verified ID number. */
export const DOSSIER_SOURCES = ['online', 'id-number'] as const;

/** An opaque keyset position (received instant, id) from a previous page's `nextCursor`. */
const CursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'citizen.errors.cursorInvalid')
  .describe('Opaque keyset cursor from a previous page (nextCursor); pages from it cost the same at any depth.');

export const CitizenDossiersQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  after: CursorSchema.optional(),
});
export type CitizenDossiersQuery = z.infer<typeof CitizenDossiersQuerySchema>;

/** A unit as the applicant is shown it: its name (no officer is named). */
export const CitizenUnitSchema = z.object({ id: z.uuid(), name: z.string() });

/** Why the clock stands still, since when, and what it means for the appointment. */
export const CitizenPauseSchema = z.object({
  reason: z.enum(PAUSE_REASONS),
  since: z.string(),
  /** "The handling time is paused until …; the result date moves accordingly." in the reader's language. */
  explanation: z.string(),
});

export const CitizenDossierSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  channel: ChannelSchema,
  source: z.enum(DOSSIER_SOURCES),
  statusCode: z.number().int(),
  /** The national name of the status (§3.2). */
  statusText: z.string(),
  /** The unit that holds the dossier now. */
  holder: CitizenUnitSchema,
  receivedAt: z.string(),
  /** The appointment in force: the apology's new date if one was issued, else the promise; shifted by pauses. */
  effectiveDueAt: z.string(),
  dueProvisional: DueProvisionalSchema,
  /** The clock is stopped (supplement, financial obligation or another agency's part). */
  paused: z.boolean(),
  /** What happens next, and by when, in the reader's language (the texts of the applicant's messages). */
  next: z.string(),
  by: z.string(),
});
export type CitizenDossierSummary = z.infer<typeof CitizenDossierSummarySchema>;

export const CitizenDossiersResponseSchema = z.object({
  items: z.array(CitizenDossierSummarySchema),
  nextCursor: z.string().nullable().describe('Cursor of the next page (pass as `after`); null on the last page.'),
});
export type CitizenDossiersResponse = z.infer<typeof CitizenDossiersResponseSchema>;

/** A message from the agencies to the applicant: a public change of the dossier, with the officer's words meant for the applicant. */
export const CitizenMessageSchema = z.object({
  at: z.string(),
  kind: z.string(),
  statusCode: z.number().int(),
  text: z.string(),
  /** The reason written for the applicant (supplement, financial obligation, stop, apology); null for other changes. */
  note: z.string().nullable(),
});

/** The supplement request now open: what was asked, why, the Mẫu 02 number, and the files prepared or sent. */
export const CitizenSupplementSchema = z.object({
  requestedAt: z.string(),
  items: z.array(z.string()),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  files: z.array(SupplementFileSchema),
});

export const CitizenDossierDetailSchema = CitizenDossierSummarySchema.extend({
  /** The optimistic-lock counter: resubmitting a supplement sends it back (a stale one answers 409). */
  version: z.number().int(),
  applicantName: z.string(),
  receivingUnit: CitizenUnitSchema,
  handlingUnit: CitizenUnitSchema,
  resultDelivery: ResultDeliverySchema,
  dueAt: z.string(),
  extendedDueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  pause: CitizenPauseSchema.nullable(),
  /** Slips handed or sent to the applicant (Mẫu 01, 02, 04, 05), never the agencies' control slip (Mẫu 06). */
  slips: z.array(DossierSlipViewSchema),
  messages: z.array(CitizenMessageSchema),
  supplement: CitizenSupplementSchema.nullable(),
  actions: z.object({
    /** Files may be added or removed (a supplement request is open). */
    uploadSupplement: z.boolean(),
    /** The supplement may be sent now (open request and at least one file prepared). */
    resubmitSupplement: z.boolean(),
  }),
});
export type CitizenDossierDetail = z.infer<typeof CitizenDossierDetailSchema>;

export const CitizenDossierParamsSchema = z.object({ id: z.uuid() });
export const CitizenDossierFileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });
export const CitizenDossierSlipParamsSchema = z.object({ id: z.uuid(), slip: z.enum(['receipt', 'apology', 'stop-notice', 'supplement-request']) });

export const ResubmitSupplementRequestSchema = z.object({
  expectedVersion: z.number().int().min(1),
  /** A word to the desk with the supplement (optional). */
  note: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ResubmitSupplementRequest = z.infer<typeof ResubmitSupplementRequestSchema>;

export const SupplementUploadResponseSchema = z.object({
  dossier: CitizenDossierDetailSchema,
  files: z.array(SupplementFileSchema.extend({ extensionCorrected: z.boolean() })),
});
export type SupplementUploadResponse = z.infer<typeof SupplementUploadResponseSchema>;

/** A PDF or image; documented only (sent as a stream). */
/** The electronic result of my dossier (issue 11 item 5): the unit's PDF, its QR certificate and where to verify it. */
export const CitizenDossierResultSchema = z.object({
  result: z
    .object({
      fileName: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      issuedAt: z.string(),
      issuingUnitName: z.string(),
      verifyUrl: z.string(),
      /** A paper original is also to be collected (or posted), as the appointment says. */
      paperOriginal: z.boolean(),
      paperOriginalReason: z.enum(['result-delivery', 'officer']).nullable(),
    })
    .nullable(),
});
export type CitizenDossierResult = z.infer<typeof CitizenDossierResultSchema>;
export const CitizenDossierResultFileParamsSchema = z.object({ id: z.uuid(), file: z.enum(['result', 'certificate']) });

export const CitizenFileResponseSchema = z.string().describe('binary file: application/pdf, image/jpeg or image/png');
