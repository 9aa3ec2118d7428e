import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Kernel rule: documents may hold foreign keys to identity's units and accounts. A dossier belongs to the dossiers
// module: held as its id only (STYLE boundaries rule 3). Files are platform/files rows (kept by id with their SHA-256).
import { identityOrgUnits, identityUsers } from '../identity/identity.tables';
import {
  CLOSE_OUTCOMES,
  CONFIDENTIALITY_LEVELS,
  DOCUMENT_EVENT_KINDS,
  DOCUMENT_TYPE_CODES,
  INCOMING_STATES,
  OUTGOING_STATES,
  RECEIPT_STATES,
  RECEIVED_VIA,
  SIGNING_PREFIXES,
  URGENCY_LEVELS,
} from '../../../contracts/documents/documents.values';
import type { DocumentSeries } from '../../../contracts/documents/documents.contracts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** `('a','b')` from a value list of the contract, for the CHECK constraints (the column and the contract share one list). */
const inList = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(',')})`);

type Of<T extends readonly string[]> = T[number];

/** The words of a search_text column (already lower case, accent-free, split at spaces) as a tsvector, for its GIN index. */
export const searchVector = (column: string) => sql.raw(`array_to_tsvector(array_remove(regexp_split_to_array(${column}, ' '), ''))`);

/**
 * A body's document settings: the abbreviation of its name in the ký hiệu and its numbering series (NĐ 30/2020/NĐ-CP
 * Điều 15: the head of the body may keep separate series; `chung` numbers every type no other series names). A
 * division's settings hold only its abbreviation (the second group of a công văn's ký hiệu).
 */
export const documentsSettings = pgTable('documents_settings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => identityOrgUnits.id),
  issuerAbbreviation: text('issuer_abbreviation').notNull(),
  series: jsonb('series').$type<DocumentSeries[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * The last number given per body, counter and year (+07:00): `in` for arrival numbers (one series for paper and
 * electronic arrivals, NĐ 30/2020 Điều 22), `out:<series key>` for issue numbers (Điều 15). Taken with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING inside the transaction that writes the document: the row stays locked until
 * commit, so concurrent takers queue, and a rollback gives the number back (no gap, no duplicate).
 */
export const documentsCounters = pgTable(
  'documents_counters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    counterKey: text('counter_key').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.counterKey, t.year] }), check('documents_counters_positive_ck', sql`${t.lastNumber} > 0`)],
);

/**
 * An incoming document (văn bản đến) in its body's register (NĐ 30/2020 Điều 20–24, Phụ lục IV): its arrival number
 * of the year, what it is, who sent it, and its handling: presented to the leader by `present_due_at`, assigned to a
 * lead unit or person with a deadline (`due_at`, copied from the assignment for the queues and the sweep), closed.
 */
export const documentsIncoming = pgTable(
  'documents_incoming',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    arrivalYear: integer('arrival_year').notNull(),
    arrivalNumber: integer('arrival_number').notNull(),
    receivedAt: instant('received_at').notNull(),
    receivedVia: text('received_via').$type<Of<typeof RECEIVED_VIA>>().notNull(),
    senderName: text('sender_name').notNull(),
    senderCode: text('sender_code'),
    numberSymbol: text('number_symbol').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    typeCode: text('type_code').$type<Of<typeof DOCUMENT_TYPE_CODES>>().notNull(),
    subject: text('subject').notNull(),
    urgency: text('urgency').$type<Of<typeof URGENCY_LEVELS>>().notNull(),
    confidentiality: text('confidentiality').$type<Of<typeof CONFIDENTIALITY_LEVELS>>().notNull(),
    pageCount: integer('page_count'),
    note: text('note'),
    state: text('state').$type<Of<typeof INCOMING_STATES>>().notNull(),
    presentDueAt: instant('present_due_at').notNull(),
    leadUnitId: uuid('lead_unit_id').references(() => identityOrgUnits.id),
    leadUserId: uuid('lead_user_id').references(() => identityUsers.id),
    dueAt: instant('due_at'),
    handledAt: instant('handled_at'),
    handledOnTime: boolean('handled_on_time'),
    outcome: text('outcome').$type<Of<typeof CLOSE_OUTCOMES>>(),
    closeText: text('close_text'),
    replyDocumentId: uuid('reply_document_id'),
    /** The sender's outgoing document when it came from another unit inside motcua (receivedVia 'internal'). */
    sourceOutgoingId: uuid('source_outgoing_id'),
    /** Lower case, accent-free words of the subject, number/symbol, sender and file names (identity's normaliseSearch). */
    searchText: text('search_text').notNull(),
    /** The due instant the sweep last reminded of and escalated for. */
    remindedForDueAt: instant('reminded_for_due_at'),
    escalatedForDueAt: instant('escalated_for_due_at'),
    registeredBy: uuid('registered_by'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // NĐ 30/2020 Điều 22 and Phụ lục IV: one arrival number per body and year.
    uniqueIndex('documents_incoming_number_uq').on(t.unitId, t.arrivalYear, t.arrivalNumber),
    index('documents_incoming_state_idx').on(t.unitId, t.state, t.dueAt),
    index('documents_incoming_lead_unit_idx').on(t.leadUnitId, t.state),
    index('documents_incoming_lead_user_idx').on(t.leadUserId, t.state),
    uniqueIndex('documents_incoming_source_uq')
      .on(t.sourceOutgoingId, t.unitId)
      .where(sql`${t.sourceOutgoingId} is not null`),
    // The sweep: assigned documents with a deadline, by due instant.
    index('documents_incoming_open_due_idx')
      .on(t.dueAt, t.id)
      .where(sql`${t.state} = 'ASSIGNED' and ${t.dueAt} is not null`),
    index('documents_incoming_search_idx').using('gin', searchVector('search_text')),
    check('documents_incoming_via_ck', sql`${t.receivedVia} in ${inList(RECEIVED_VIA)}`),
    check('documents_incoming_state_ck', sql`${t.state} in ${inList(INCOMING_STATES)}`),
    check('documents_incoming_urgency_ck', sql`${t.urgency} in ${inList(URGENCY_LEVELS)}`),
    check('documents_incoming_confidentiality_ck', sql`${t.confidentiality} in ${inList(CONFIDENTIALITY_LEVELS)}`),
    check('documents_incoming_type_ck', sql`${t.typeCode} in ${inList(DOCUMENT_TYPE_CODES)}`),
    check('documents_incoming_number_ck', sql`${t.arrivalNumber} > 0`),
    check('documents_incoming_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ${inList(CLOSE_OUTCOMES)}`),
    check('documents_incoming_done_ck', sql`(${t.state} = 'DONE') = (${t.handledAt} is not null and ${t.outcome} is not null and ${t.handledOnTime} is not null)`),
    check('documents_incoming_internal_ck', sql`(${t.receivedVia} = 'internal') = (${t.sourceOutgoingId} is not null)`),
  ],
);

/** The leader's assignment of an incoming document (NĐ 30/2020 Điều 24): lead unit or person, partners, deadline, instruction. */
export const documentsAssignments = pgTable(
  'documents_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incomingId: uuid('incoming_id')
      .notNull()
      .references(() => documentsIncoming.id),
    leadUnitId: uuid('lead_unit_id').references(() => identityOrgUnits.id),
    leadUserId: uuid('lead_user_id').references(() => identityUsers.id),
    partnerUnitIds: jsonb('partner_unit_ids').$type<string[]>().notNull(),
    handlingDays: integer('handling_days'),
    dueOn: date('due_on', { mode: 'string' }),
    dueAt: instant('due_at'),
    instruction: text('instruction'),
    assignedAt: instant('assigned_at').notNull(),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [
    uniqueIndex('documents_assignments_incoming_uq').on(t.incomingId),
    check('documents_assignments_lead_ck', sql`(${t.leadUnitId} is null) <> (${t.leadUserId} is null)`),
    check('documents_assignments_due_ck', sql`${t.handlingDays} is null or ${t.dueOn} is null`),
  ],
);

/** An external recipient of an outgoing document (outside motcua: sent by the national exchange or by post). */
export interface ExternalRecipientRow {
  name: string;
  code: string | null;
}

/**
 * An outgoing document (văn bản đi, NĐ 30/2020 Điều 14–18): drafted by a unit of the body, reviewed and signed by a
 * leader, numbered and issued by the clerk: `number` in its series and year, `number_symbol` as printed.
 */
export const documentsOutgoing = pgTable(
  'documents_outgoing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    draftingUnitId: uuid('drafting_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    typeCode: text('type_code').$type<Of<typeof DOCUMENT_TYPE_CODES>>().notNull(),
    subject: text('subject').notNull(),
    content: text('content'),
    urgency: text('urgency').$type<Of<typeof URGENCY_LEVELS>>().notNull(),
    confidentiality: text('confidentiality').$type<Of<typeof CONFIDENTIALITY_LEVELS>>().notNull(),
    state: text('state').$type<Of<typeof OUTGOING_STATES>>().notNull(),
    recipientUnitIds: jsonb('recipient_unit_ids').$type<string[]>().notNull(),
    externalRecipients: jsonb('external_recipients').$type<ExternalRecipientRow[]>().notNull(),
    replyToIncomingId: uuid('reply_to_incoming_id'),
    /** The dossier whose result this is (issueResultDocument); an id of the dossiers module. */
    dossierId: uuid('dossier_id'),
    seriesKey: text('series_key'),
    year: integer('year'),
    number: integer('number'),
    numberSymbol: text('number_symbol'),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuedAt: instant('issued_at'),
    issuedBy: uuid('issued_by'),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    signingPrefix: text('signing_prefix').$type<Of<typeof SIGNING_PREFIXES>>(),
    signedAt: instant('signed_at'),
    signedBy: uuid('signed_by'),
    returnNote: text('return_note'),
    exchangeId: text('exchange_id'),
    searchText: text('search_text').notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // NĐ 30/2020 Điều 15: số and ký hiệu unique in the body's series and year.
    uniqueIndex('documents_outgoing_number_uq')
      .on(t.unitId, t.seriesKey, t.year, t.number)
      .where(sql`${t.number} is not null`),
    index('documents_outgoing_unit_idx').on(t.unitId, t.state, t.createdAt),
    index('documents_outgoing_issued_idx').on(t.unitId, t.issuedAt),
    index('documents_outgoing_search_idx').using('gin', searchVector('search_text')),
    check('documents_outgoing_state_ck', sql`${t.state} in ${inList(OUTGOING_STATES)}`),
    check('documents_outgoing_urgency_ck', sql`${t.urgency} in ${inList(URGENCY_LEVELS)}`),
    check('documents_outgoing_confidentiality_ck', sql`${t.confidentiality} in ${inList(CONFIDENTIALITY_LEVELS)}`),
    check('documents_outgoing_type_ck', sql`${t.typeCode} in ${inList(DOCUMENT_TYPE_CODES)}`),
    check('documents_outgoing_prefix_ck', sql`${t.signingPrefix} is null or ${t.signingPrefix} in ${inList(SIGNING_PREFIXES)}`),
    check(
      'documents_outgoing_issued_ck',
      sql`(${t.state} = 'ISSUED') = (${t.number} is not null and ${t.numberSymbol} is not null and ${t.issuedOn} is not null and ${t.seriesKey} is not null and ${t.year} is not null)`,
    ),
    check('documents_outgoing_signed_ck', sql`${t.state} not in ('SIGNED','ISSUED') or (${t.signerName} is not null and ${t.signingPrefix} is not null)`),
  ],
);

type EventKind = Of<typeof DOCUMENT_EVENT_KINDS>;

/** A document's history: each step with who took it and its note. */
export const documentsEvents = pgTable(
  'documents_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incomingId: uuid('incoming_id').references(() => documentsIncoming.id),
    outgoingId: uuid('outgoing_id').references(() => documentsOutgoing.id),
    at: instant('at').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    text: text('text'),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [
    index('documents_events_incoming_idx').on(t.incomingId, t.id),
    index('documents_events_outgoing_idx').on(t.outgoingId, t.id),
    check('documents_events_kind_ck', sql`${t.kind} in ${inList(DOCUMENT_EVENT_KINDS)}`),
    check('documents_events_owner_ck', sql`(${t.incomingId} is null) <> (${t.outgoingId} is null)`),
  ],
);

/** A file of a document: a platform/files row (its bytes checked by content, SHA-256 kept), linked to one document. */
export const documentsFiles = pgTable(
  'documents_files',
  {
    id: uuid('id').primaryKey(),
    incomingId: uuid('incoming_id').references(() => documentsIncoming.id),
    outgoingId: uuid('outgoing_id').references(() => documentsOutgoing.id),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    mediaType: text('media_type').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: instant('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [
    index('documents_files_incoming_idx').on(t.incomingId),
    index('documents_files_outgoing_idx').on(t.outgoingId),
    check('documents_files_owner_ck', sql`(${t.incomingId} is null) <> (${t.outgoingId} is null)`),
  ],
);

/** An issued outgoing document at a recipient unit inside motcua: its incoming copy there and how far it is handled. */
export const documentsReceipts = pgTable(
  'documents_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outgoingId: uuid('outgoing_id')
      .notNull()
      .references(() => documentsOutgoing.id),
    recipientUnitId: uuid('recipient_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    incomingId: uuid('incoming_id')
      .notNull()
      .references(() => documentsIncoming.id),
    state: text('state').$type<Of<typeof RECEIPT_STATES>>().notNull(),
    receivedAt: instant('received_at').notNull(),
    assignedAt: instant('assigned_at'),
    doneAt: instant('done_at'),
  },
  (t) => [
    uniqueIndex('documents_receipts_uq').on(t.outgoingId, t.recipientUnitId),
    uniqueIndex('documents_receipts_incoming_uq').on(t.incomingId),
    check('documents_receipts_state_ck', sql`${t.state} in ${inList(RECEIPT_STATES)}`),
  ],
);
