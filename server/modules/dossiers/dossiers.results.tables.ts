import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { platformFiles } from '../../platform/files/files.tables';
import { identityOrgUnits } from '../identity/identity.tables';
import { dossiers } from './dossiers.tables';
import type { PAPER_ORIGINAL_REASONS } from '../../../contracts/dossiers/results.contracts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Electronic results (kết quả giải quyết TTHC điện tử, NĐ 45/2020/NĐ-CP): one row per issue. The unit's PDF and the
 * server's certificate (with the QR code of the public verification page) are platform files, kept as issued. A row
 * is never changed except once, when a newer issue replaces it before the result is returned: `replaced_*` are set and
 * the old token still verifies, as "replaced". At most one row per dossier is in force.
 */
export const dossierResults = pgTable(
  'dossiers_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Opaque, random (128 bits, base64url): the public verification address; says nothing about the dossier. */
    token: text('token').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => platformFiles.id),
    fileName: text('file_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** SHA-256 of the unit's PDF as issued (copied from the file row so the verification reads one row). */
    sha256: text('sha256').notNull(),
    certificateFileId: uuid('certificate_file_id')
      .notNull()
      .references(() => platformFiles.id),
    certificateSha256: text('certificate_sha256').notNull(),
    /** The agency that settles the dossier (its handling unit), named on the certificate and the verification page. */
    issuingUnitId: uuid('issuing_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    issuedAt: instant('issued_at').notNull(),
    issuedBy: uuid('issued_by'),
    issuedByLabel: text('issued_by_label').notNull(),
    /** A paper original is to be collected (or posted) besides the electronic result; and why. */
    paperOriginal: boolean('paper_original').notNull(),
    paperOriginalReason: text('paper_original_reason').$type<(typeof PAPER_ORIGINAL_REASONS)[number]>(),
    replacedAt: instant('replaced_at'),
    replacedBy: uuid('replaced_by'),
    replacedByLabel: text('replaced_by_label'),
    replaceReason: text('replace_reason'),
    /** The issue that replaced this one. */
    successorId: uuid('successor_id'),
    /** The outgoing document this result was issued as (issue 15 item 6), numbered in the signing unit's series; or null. */
    documentId: uuid('document_id'),
    /** Its printed số/ký hiệu ("05/QĐ-STP"), kept as issued. */
    documentNumberSymbol: text('document_number_symbol'),
  },
  (t) => [
    uniqueIndex('dossiers_results_token_uq').on(t.token),
    // One result in force per dossier; replaced ones stay, newest first for the history.
    uniqueIndex('dossiers_results_current_uq')
      .on(t.dossierId)
      .where(sql`replaced_at is null`),
    index('dossiers_results_dossier_idx').on(t.dossierId, t.issuedAt),
    check('dossiers_results_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$' and ${t.certificateSha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'dossiers_results_paper_ck',
      sql`(${t.paperOriginal} and ${t.paperOriginalReason} in ('result-delivery','officer')) or (not ${t.paperOriginal} and ${t.paperOriginalReason} is null)`,
    ),
    check('dossiers_results_replaced_ck', sql`(${t.replacedAt} is null) = (${t.successorId} is null)`),
  ],
);
