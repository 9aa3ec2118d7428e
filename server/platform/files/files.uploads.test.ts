// Upload acceptance through the HTTP layer (a test-only route, test/files-test-app.ts) and the quota's lock, on
// PGlite by default and on PostgreSQL with DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../audit/audit.tables';
import { withTransaction } from '../context/context';
import { AppError } from '../errors';
import { signInAs } from '../notifications/test/test-helpers';
import type { TestAgent } from '../../test/test-app';
import Fastify from 'fastify';
import { platformFiles, recordFiles, sendFile, storageUsed, type ReceivedFile } from './index';
import { createFilesTestApp, storedFiles, TEST_QUOTA_BYTES, type FilesTestApp } from './test/files-test-app';
import { exe, jpeg, multipart, pdf, png, zip, type Part } from './test/fixtures';

let t: FilesTestApp;
beforeAll(async () => {
  t = await createFilesTestApp();
});
afterAll(async () => {
  await t?.close();
});

const URL_UPLOADS = '/api/v1/test-files/uploads';
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
// ~59 KB of random pixels each: one fits the 64 KiB file limit, two do not fit the 100 KiB quota together.
const sixtyKb = () => png(140, 140);

/** Sends a multipart upload as `agent` (session cookie and CSRF token included). */
async function upload(agent: TestAgent, parts: readonly Part[], query = '') {
  const { body, headers } = multipart(parts);
  return agent.request('POST', `${URL_UPLOADS}${query}`, body, headers);
}

/** Asserts that a refused request changed nothing: no object, no row, no audit entry. */
async function expectNothingStored(before: { files: string[]; rows: number; audits: number }) {
  expect(storedFiles(t)).toEqual(before.files);
  expect(await count(platformFiles)).toBe(before.rows);
  expect(await count(auditEvents)).toBe(before.audits);
}

async function count(table: typeof platformFiles | typeof auditEvents): Promise<number> {
  return (await t.database.db.select().from(table)).length;
}

async function snapshot() {
  return { files: storedFiles(t), rows: await count(platformFiles), audits: await count(auditEvents) };
}

describe('accepting uploads', () => {
  it('stores a PDF and a JPEG with a form field, records them with an audit entry each, and reads them back', async () => {
    const agent = await signInAs(t);
    const pdfBytes = pdf();
    const jpegBytes = jpeg();
    const res = await upload(agent, [
      { field: 'slot', value: 'giay-to-1' },
      { file: 'document', name: 'Đơn đề nghị.pdf', content: pdfBytes, contentType: 'application/pdf' },
      { file: 'photo', name: 'ảnh chân dung.jpg', content: jpegBytes, contentType: 'image/jpeg' },
    ]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.fields).toEqual({ slot: ['giay-to-1'] });
    expect(body.files).toMatchObject([
      { displayName: 'Đơn đề nghị.pdf', mediaType: 'application/pdf', size: pdfBytes.length, sha256: sha256(pdfBytes), extensionCorrected: false, fieldName: 'document' },
      { displayName: 'ảnh chân dung.jpg', mediaType: 'image/jpeg', size: jpegBytes.length, sha256: sha256(jpegBytes), extensionCorrected: false, fieldName: 'photo' },
    ]);
    const ids = body.files.map((f: { id: string }) => f.id) as string[];
    const rows = await t.database.db.select().from(platformFiles).where(inArray(platformFiles.id, ids));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.storeKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect(fs.existsSync(path.join(t.storeRoot, row.storeKey))).toBe(true);
      expect(row.createdAt).toEqual(t.clock.now());
    }
    const audits = await t.database.db.select().from(auditEvents).where(inArray(auditEvents.subjectId, ids));
    expect(audits.map((a) => a.action).sort()).toEqual(['files.store', 'files.store']);

    const download = await agent.get(`/api/v1/test-files/${ids[0]}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(pdfBytes.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Don de nghi.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.pdf`);

    const image = await agent.get(`/api/v1/test-files/${ids[1]}?inline=1`);
    expect(image.rawPayload.equals(jpegBytes)).toBe(true);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['content-disposition']).toMatch(/^inline; filename="anh chan dung.jpg"; filename\*=UTF-8''/);
    expect(image.headers['content-security-policy']).toContain('sandbox');
  });

  it('recognises a PNG named scan.pdf by its content and names it scan.png', async () => {
    const agent = await signInAs(t);
    const res = await upload(agent, [{ file: 'file', name: 'scan.pdf', content: png(), contentType: 'application/pdf' }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().files[0]).toMatchObject({ displayName: 'scan.png', mediaType: 'image/png', extensionCorrected: true });
    const download = await agent.get(`/api/v1/test-files/${res.json().files[0].id}`);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('keeps only the last path component of a path-like name, and never uses it for storage', async () => {
    const agent = await signInAs(t);
    const res = await upload(agent, [
      { file: 'a', name: '../../etc/passwd', content: pdf() },
      { file: 'b', name: 'C:\\x\\y.png', content: png() },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().files.map((f: { displayName: string }) => f.displayName)).toEqual(['passwd.pdf', 'y.png']);
    const rows = await t.database.db
      .select()
      .from(platformFiles)
      .where(
        inArray(
          platformFiles.id,
          res.json().files.map((f: { id: string }) => f.id),
        ),
      );
    for (const row of rows) expect(fs.realpathSync(path.join(t.storeRoot, row.storeKey)).startsWith(fs.realpathSync(t.storeRoot))).toBe(true);
    expect(storedFiles(t).some((f) => /passwd|y\.png/.test(f))).toBe(false);
  });
});

describe('refused uploads leave no object, no row and no audit entry', () => {
  it.each([
    ['a renamed executable (MZ) named scan.pdf', [{ file: 'f', name: 'scan.pdf', content: exe(), contentType: 'application/pdf' }], 415, 'FILE_TYPE_NOT_ALLOWED'],
    ['an oversize file', [{ file: 'f', name: 'lớn.png', content: png(200, 200) }], 413, 'FILE_TOO_LARGE'],
    [
      'a valid file followed by an oversize one',
      [
        { file: 'f', name: 'a.pdf', content: pdf() },
        { file: 'g', name: 'b.png', content: png(200, 200) },
      ],
      413,
      'FILE_TOO_LARGE',
    ],
    ['four files where three are allowed', [1, 2, 3, 4].map((i) => ({ file: `f${i}`, name: `${i}.pdf`, content: pdf() })), 413, 'TOO_MANY_FILES'],
    ['a PDF that is also a ZIP', [{ file: 'f', name: 'don.pdf', content: Buffer.concat([pdf(), zip()]) }], 422, 'FILE_CONTENT_AMBIGUOUS'],
    ['a JPEG with a ZIP appended', [{ file: 'f', name: 'anh.jpg', content: Buffer.concat([jpeg(), zip()]) }], 422, 'FILE_CONTENT_AMBIGUOUS'],
    [
      'a valid file followed by a polyglot',
      [
        { file: 'f', name: 'a.png', content: png() },
        { file: 'g', name: 'b.jpg', content: Buffer.concat([jpeg(), zip()]) },
      ],
      422,
      'FILE_CONTENT_AMBIGUOUS',
    ],
    ['an empty file', [{ file: 'f', name: 'rỗng.pdf', content: Buffer.alloc(0) }], 422, 'FILE_EMPTY'],
    ['a truncated PDF', [{ file: 'f', name: 'cụt.pdf', content: pdf().subarray(0, 200) }], 422, 'FILE_CONTENT_INVALID'],
    ['fields but no file', [{ field: 'slot', value: 'x' }], 400, 'FILE_REQUIRED'],
    [
      'a control character in a text field',
      [
        { file: 'f', name: 'a.pdf', content: pdf() },
        { field: 'slot', value: 'a\u0001b' },
      ],
      400,
      'VALIDATION_FAILED',
    ],
  ] as Array<[string, Part[], number, string]>)('%s', async (_label, parts, status, code) => {
    const agent = await signInAs(t);
    const before = await snapshot();
    const res = await upload(agent, parts);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    await expectNothingStored(before);
  });

  it('explains the refusal in Vietnamese and in English', async () => {
    const vi = await signInAs(t);
    const res = await upload(vi, [{ file: 'f', name: 'scan.pdf', content: exe() }]);
    expect(res.json().error.message).toBe('Tệp «scan.pdf» không thuộc loại được nhận (PDF, JPEG, PNG). Loại tệp được xác định theo nội dung tệp, không theo tên hay phần mở rộng.');
    const en = await signInAs(t);
    const { body, headers } = multipart([{ file: 'f', name: 'big.png', content: png(200, 200) }]);
    const tooLarge = await en.request('POST', URL_UPLOADS, body, { ...headers, 'accept-language': 'en' });
    expect(tooLarge.json().error.message).toBe('The file «big.png» is larger than allowed (64 KB).');
  });

  it('a failure of the feature’s own writes rolls the rows back and removes the objects', async () => {
    const agent = await signInAs(t);
    const before = await snapshot();
    const res = await upload(agent, [{ file: 'f', name: 'a.pdf', content: pdf() }], '?fail=1');
    expect(res.statusCode).toBe(409);
    await expectNothingStored(before);
  });

  it('an anonymous caller is refused before the body is read, and a non-multipart body is 415', async () => {
    const before = await snapshot();
    const { body, headers } = multipart([{ file: 'f', name: 'a.pdf', content: pdf() }]);
    const anonymous = await t.app.inject({ method: 'POST', url: URL_UPLOADS, payload: body, headers });
    expect(anonymous.statusCode).toBe(401);
    const agent = await signInAs(t);
    const json = await agent.post(URL_UPLOADS, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await expectNothingStored(before);
  });
});

describe('per-owner quota', () => {
  it('refuses the upload that would pass the quota, counting only this owner', async () => {
    const agent = await signInAs(t);
    const other = await signInAs(t);
    expect((await upload(other, [{ file: 'f', name: 'khác.png', content: sixtyKb() }])).statusCode).toBe(201);
    expect((await upload(agent, [{ file: 'f', name: 'một.png', content: sixtyKb() }])).statusCode).toBe(201);
    const before = await snapshot();
    const res = await upload(agent, [{ file: 'f', name: 'hai.png', content: sixtyKb() }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('STORAGE_QUOTA_EXCEEDED');
    expect(res.json().error.message).toMatch(/^Không đủ dung lượng lưu trữ: đã dùng 57 KB trên 100 KB \(còn 42 KB\), các tệp vừa gửi cần 57 KB\.$/);
    await expectNothingStored(before);
  });

  it('deleting a file frees its space and removes its object after commit', async () => {
    const agent = await signInAs(t);
    const first = await upload(agent, [{ file: 'f', name: 'một.png', content: sixtyKb() }]);
    const id = first.json().files[0].id as string;
    const [row] = await t.database.db.select().from(platformFiles).where(eq(platformFiles.id, id));
    expect((await upload(agent, [{ file: 'f', name: 'hai.png', content: sixtyKb() }])).statusCode).toBe(413);
    const stranger = await signInAs(t);
    expect((await stranger.get(`/api/v1/test-files/${id}`)).statusCode).toBe(404);
    expect((await stranger.delete(`/api/v1/test-files/${id}`)).statusCode).toBe(404);
    expect((await agent.delete(`/api/v1/test-files/${id}`)).statusCode).toBe(204);
    expect(fs.existsSync(path.join(t.storeRoot, row!.storeKey))).toBe(false);
    expect((await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id))).map((a) => a.action).sort()).toEqual(['files.delete', 'files.store']);
    expect((await agent.get(`/api/v1/test-files/${id}`)).statusCode).toBe(404);
    expect((await upload(agent, [{ file: 'f', name: 'hai.png', content: sixtyKb() }])).statusCode).toBe(201);
  });

  it('two uploads racing for the last space: exactly one passes', async () => {
    const agent = await signInAs(t);
    const before = await snapshot();
    const results = await Promise.all([upload(agent, [{ file: 'f', name: 'a.png', content: sixtyKb() }]), upload(agent, [{ file: 'f', name: 'b.png', content: sixtyKb() }])]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 413]);
    expect(storedFiles(t).length).toBe(before.files.length + 1);
    expect(await count(platformFiles)).toBe(before.rows + 1);
  });

  it('the quota check waits for a concurrent transaction of the same owner, then sees its rows', async () => {
    const ownerKey = `race:${crypto.randomUUID()}`;
    const other = `race:${crypto.randomUUID()}`;
    const received = async (): Promise<ReceivedFile> => {
      const data = sixtyKb();
      const object = await t.store.put(data);
      return { storeKey: object.key, size: object.size, sha256: object.sha256, mediaType: 'image/png', displayName: 'a.png', extensionCorrected: false, fieldName: 'f' };
    };
    const [a, b, c] = [await received(), await received(), await received()];
    const ctx = t.systemCtx();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstHolds!: () => void;
    const holding = new Promise<void>((resolve) => (firstHolds = resolve));
    const first = withTransaction(ctx, async (scope) => {
      await recordFiles(scope, { ownerKey, quotaBytes: TEST_QUOTA_BYTES, files: [a], at: ctx.clock.now() });
      firstHolds();
      await gate;
    });
    await holding;
    let secondSettled = false;
    const second = withTransaction(ctx, (scope) => recordFiles(scope, { ownerKey, quotaBytes: TEST_QUOTA_BYTES, files: [b], at: ctx.clock.now() })).finally(() => {
      secondSettled = true;
    });
    // Swallowed here only to keep it from being unhandled while we wait; it is awaited and checked below.
    second.catch(() => undefined);
    if (t.database.kind === 'postgres') {
      // Another owner is not held up by this owner's lock (PGlite runs one transaction at a time, so only on PostgreSQL).
      await withTransaction(ctx, (scope) => recordFiles(scope, { ownerKey: other, quotaBytes: TEST_QUOTA_BYTES, files: [c], at: ctx.clock.now() }));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(secondSettled).toBe(false);
    release();
    await first;
    const err = await second.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('STORAGE_QUOTA_EXCEEDED');
    expect(await storageUsed(t.database.db, ownerKey)).toBe(a.size);
  });
});

describe('reading back', () => {
  it('a small stored file altered on disk is answered with an error, never with its bytes', async () => {
    const agent = await signInAs(t);
    const original = pdf();
    const res = await upload(agent, [{ file: 'f', name: 'a.pdf', content: original }]);
    const id = res.json().files[0].id as string;
    const [row] = await t.database.db.select().from(platformFiles).where(eq(platformFiles.id, id));
    const altered = Buffer.from(original);
    altered[20] = altered[20]! ^ 0x01;
    fs.writeFileSync(path.join(t.storeRoot, row!.storeKey), altered);
    // The whole file is one read, held back until its hash is checked: the failure comes before any byte is sent.
    const download = await agent.get(`/api/v1/test-files/${id}`);
    expect(download.statusCode).toBe(500);
    expect(download.json().error.code).toBe('INTERNAL');
    expect(download.headers['content-type']).toMatch(/^application\/json/);
    expect(download.headers['content-disposition']).toBeUndefined();
  });

  it('a large stored file that does not match its record is cut short', async () => {
    const data = Buffer.alloc(1024 * 1024, 3);
    const object = await t.store.put(data);
    const app = Fastify();
    app.get('/f', async (_request, reply) =>
      sendFile(reply, t.store, {
        id: crypto.randomUUID(),
        ownerKey: 'o',
        storeKey: object.key,
        sha256: sha256(Buffer.alloc(1024 * 1024, 4)),
        size: data.length,
        mediaType: 'application/pdf',
        displayName: 'a.pdf',
        createdAt: new Date(0),
      }),
    );
    // Headers and the first 64 KiB chunks are out when the mismatch shows at the end: the response is destroyed
    // before its announced length, which a client sees as a failed download.
    await expect(app.inject({ method: 'GET', url: '/f' })).rejects.toThrow(/response destroyed before completion/);
    await app.close();
  });

  it('a recorded file whose object is missing is FILE_NOT_FOUND', async () => {
    const agent = await signInAs(t);
    const res = await upload(agent, [{ file: 'f', name: 'a.pdf', content: pdf() }]);
    const id = res.json().files[0].id as string;
    const [row] = await t.database.db.select().from(platformFiles).where(eq(platformFiles.id, id));
    fs.rmSync(path.join(t.storeRoot, row!.storeKey));
    const download = await agent.get(`/api/v1/test-files/${id}`);
    expect(download.statusCode).toBe(404);
    expect(download.json().error.code).toBe('FILE_NOT_FOUND');
  });
});
