import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType } from './files.types';

const mediaTypeList = sql.raw(ACCEPTED_MEDIA_TYPES.map((t) => `'${t}'`).join(', '));

/**
 * Uploaded files: one row per stored object. `owner_key` is the caller's opaque name for whose space the file
 * counts against (the platform compares it, never interprets it); quotas are sums over it.
 */
export const platformFiles = pgTable(
  'platform_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKey: text('owner_key').notNull(),
    /** The store's key (random, `ab/cd/<32 hex>`); never shown, never derived from the client's name. */
    storeKey: text('store_key').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Recognised from the content, not taken from the client. */
    mediaType: text('media_type').$type<AcceptedMediaType>().notNull(),
    /** The sanitised name shown and used for downloads. */
    displayName: text('display_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check('platform_files_owner_key_check', sql`length(${t.ownerKey}) between 1 and 200`),
    check('platform_files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('platform_files_size_check', sql`${t.sizeBytes} > 0`),
    check('platform_files_media_type_check', sql`${t.mediaType} in (${mediaTypeList})`),
    uniqueIndex('platform_files_store_key_idx').on(t.storeKey),
    // The quota sums an owner's sizes: an index-only scan over the owner's rows.
    index('platform_files_owner_idx').on(t.ownerKey, t.sizeBytes),
  ],
);
