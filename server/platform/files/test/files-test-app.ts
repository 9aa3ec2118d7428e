// The real application with a test-only upload route: production has no generic upload route (each feature that
// takes files owns its route, its owner key and its authorisation), so the tests register one here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildApp } from '../../../app';
import { TestClock, type TestApp } from '../../../test/test-app';
import { definePolicy, type Actor } from '../../access';
import { loadConfig } from '../../config/config';
import { withTransaction } from '../../context/context';
import { createTestDatabase } from '../../db/test-database';
import { AppError } from '../../errors';
import { acceptUploads, deleteFile, findFile, LocalFileStore, sendFile, type UploadLimits } from '../index';

export const TEST_UPLOAD_ACTION = 'test.files.upload';
/** Per-owner quota and per-request limits of the test route. */
export const TEST_QUOTA_BYTES = 100 * 1024;
export const TEST_LIMITS: UploadLimits = { maxFileBytes: 64 * 1024, maxFiles: 3 };

const signedIn = (actor: Actor) => actor.type === 'user';
/** The owner key of the test route: one space per signed-in user. */
export const ownerOf = (actor: Actor) => `test-user:${actor.type === 'user' ? actor.userId : 'anonymous'}`;

export interface FilesTestApp extends TestApp {
  store: LocalFileStore;
  storeRoot: string;
}

/** Builds the app on a fresh database with a local store in a temporary folder and the test-only routes. */
export async function createFilesTestApp(): Promise<FilesTestApp> {
  const database = await createTestDatabase(inject('dbTemplate'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-files-app-'));
  const config = loadConfig({ MOTCUA_DATA_DIR: dataDir, TRUST_PROXY: 'true' });
  const storeRoot = path.join(dataDir, 'files');
  const store = new LocalFileStore(storeRoot);
  const clock = new TestClock();
  const built = await buildApp({ database, config, clock, fileStore: store });
  definePolicy(TEST_UPLOAD_ACTION, signedIn);
  const IdParams = z.object({ id: z.uuid() });
  await built.app.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/test-files/uploads',
      { config: { action: TEST_UPLOAD_ACTION }, schema: { hide: true, summary: 'Test-only upload', querystring: z.object({ fail: z.literal('1').optional() }) } },
      async (request, reply) => {
        const { files, fields } = await acceptUploads(request.ctx, request, built.host.files, {
          ownerKey: ownerOf(request.actor),
          quotaBytes: TEST_QUOTA_BYTES,
          limits: TEST_LIMITS,
          // Stands for the feature's own writes (its links to the files); `fail` makes them fail after the rows exist.
          then: async (txScope, stored) => {
            await txScope.audit({ action: 'test.files.attached', subjectType: 'test', subjectId: `attachment-of:${stored[0]!.id}` });
            if (request.query.fail) throw new AppError('CONFLICT');
          },
        });
        return reply.status(201).send({
          files: files.map((f) => ({
            id: f.id,
            displayName: f.displayName,
            mediaType: f.mediaType,
            size: f.size,
            sha256: f.sha256,
            extensionCorrected: f.extensionCorrected,
            fieldName: f.fieldName,
          })),
          fields,
        });
      },
    );
    app.get(
      '/api/v1/test-files/:id',
      {
        config: { action: TEST_UPLOAD_ACTION },
        schema: { hide: true, summary: 'Test-only download', params: IdParams, querystring: z.object({ inline: z.literal('1').optional() }) },
      },
      async (request, reply) => {
        const file = await findFile(request.ctx.db, request.params.id);
        // Another owner's file answers like a missing one: its existence is not disclosed.
        if (!file || file.ownerKey !== ownerOf(request.actor)) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
        return sendFile(reply, built.host.files, file, { disposition: request.query.inline ? 'inline' : 'attachment' });
      },
    );
    app.delete(
      '/api/v1/test-files/:id',
      { config: { action: TEST_UPLOAD_ACTION }, schema: { hide: true, summary: 'Test-only delete', params: IdParams } },
      async (request, reply) => {
        await withTransaction(request.ctx, (txScope) => deleteFile(txScope, built.host.files, { id: request.params.id, ownerKey: ownerOf(request.actor) }));
        return reply.status(204).send();
      },
    );
  });
  await built.app.ready();
  return {
    ...built,
    database,
    clock,
    config,
    store,
    storeRoot,
    close: async () => {
      await built.app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every file the store holds (its own keys and any temporary file), relative to its folder. */
export function storedFiles(t: FilesTestApp): string[] {
  if (!fs.existsSync(t.storeRoot)) return [];
  return fs
    .readdirSync(t.storeRoot, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(t.storeRoot, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
