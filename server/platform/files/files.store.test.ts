// One contract for every FileStore adapter: the local folder, and S3 through a real S3 server (s3rver, started here
// on 127.0.0.1 with a temporary folder). Both must pass the same tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../errors';
import { loadFileStorageConfig } from './files.config';
import { createFileStore } from './files.create-store';
import { LocalFileStore } from './files.local-store';
import { S3FileStore } from './files.s3-store';
import type { FileStore } from './files.store';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A source that yields `chunks`, then fails the way a dropped upload or a refused file does. */
async function* failingAfter(chunks: Buffer[], error: Error): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
  throw error;
}

interface Harness {
  store: FileStore;
  /** Every object key the backing storage holds (to prove that nothing was left behind). */
  keys(): Promise<string[]>;
}

function contract(name: string, setup: () => Promise<Harness>, teardown: () => Promise<void>) {
  describe(`FileStore contract: ${name}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(teardown);

    it('stores a buffer under a random sharded key, with its size and SHA-256', async () => {
      const data = Buffer.from('Đơn đề nghị');
      const stored = await h.store.put(data);
      expect(stored.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect(stored.key.slice(0, 2)).toBe(stored.key.slice(6, 8));
      expect(stored).toMatchObject({ size: data.length, sha256: sha256(data) });
      expect(await h.store.exists(stored.key)).toBe(true);
      expect(await readAll(await h.store.open(stored.key))).toEqual(data);
    });

    it('stores a stream of many chunks (3 MB) and reads it back byte for byte', async () => {
      const data = Buffer.alloc(3 * 1024 * 1024);
      for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
      const chunks = Array.from({ length: 48 }, (_, i) => data.subarray(i * 65_536, (i + 1) * 65_536));
      const stored = await h.store.put(
        (async function* () {
          yield* chunks;
        })(),
      );
      expect(stored).toMatchObject({ size: data.length, sha256: sha256(data) });
      expect((await readAll(await h.store.open(stored.key))).equals(data)).toBe(true);
    });

    it('gives the same content two different keys (keys never derive from content)', async () => {
      const a = await h.store.put(Buffer.from('same'));
      const b = await h.store.put(Buffer.from('same'));
      expect(a.key).not.toBe(b.key);
      expect(a.sha256).toBe(b.sha256);
    });

    it('stores an empty source as an empty object', async () => {
      const stored = await h.store.put((async function* () {})());
      expect(stored).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) });
      expect(await readAll(await h.store.open(stored.key))).toEqual(Buffer.alloc(0));
    });

    it('leaves nothing behind when the source fails part-way', async () => {
      const before = await h.keys();
      const failure = new Error('client went away');
      await expect(h.store.put(failingAfter([Buffer.alloc(100_000, 1), Buffer.alloc(100_000, 2)], failure))).rejects.toBe(failure);
      expect(await h.keys()).toEqual(before);
    });

    it('deletes, and deleting again (or a key never used) is not an error', async () => {
      const stored = await h.store.put(Buffer.from('xoá'));
      await h.store.delete(stored.key);
      expect(await h.store.exists(stored.key)).toBe(false);
      await h.store.delete(stored.key);
      await h.store.delete('00/00/00000000000000000000000000000000');
    });

    it('opening a missing key is FILE_NOT_FOUND (404)', async () => {
      const err = await h.store.open('ab/cd/abcd0000000000000000000000000000').then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'FILE_NOT_FOUND', status: 404 });
      expect(await h.store.exists('ab/cd/abcd0000000000000000000000000000')).toBe(false);
    });

    it.each(['../../etc/passwd', 'ab/cd/../../../etc/passwd', '/etc/passwd', 'AB/CD/ABCD0000000000000000000000000000', 'ab/cd/abcd', ''])(
      'refuses a key it did not make: %j',
      async (key) => {
        await expect(h.store.open(key)).rejects.toThrow(/not a file store key/);
        await expect(h.store.exists(key)).rejects.toThrow(/not a file store key/);
        await expect(h.store.delete(key)).rejects.toThrow(/not a file store key/);
      },
    );
  });
}

/** Every file under `root`, relative, with `/` separators. */
function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const localRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-files-local-'));
contract(
  'local folder',
  async () => ({ store: new LocalFileStore(localRoot), keys: async () => filesUnder(localRoot) }),
  async () => fs.rmSync(localRoot, { recursive: true, force: true }),
);

describe('LocalFileStore specifics', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-files-local2-'));
  const store = new LocalFileStore(root);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes under .incoming while the upload streams: nothing appears under a key before the end', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let midway: string[] = [];
    const source = (async function* () {
      yield Buffer.alloc(70_000, 7);
      midway = filesUnder(root);
      await gate;
      yield Buffer.alloc(10, 8);
    })();
    const putting = store.put(source);
    await new Promise((r) => setTimeout(r, 50));
    release();
    const stored = await putting;
    expect(midway).toHaveLength(1);
    expect(midway[0]).toMatch(/^\.incoming\/[0-9a-f]{32}\.part$/);
    expect(filesUnder(root)).toEqual([stored.key]);
    // Readable by the service account only.
    expect(fs.statSync(path.join(root, stored.key)).mode & 0o777).toBe(0o600);
  });
});

// s3rver 3.7 runs on this Node (checked: buckets, PUT, GET, HEAD, DELETE); it has no AbortMultipartUpload, which
// the adapter does not use. It does not verify x-amz-checksum-sha256, so the checksum itself is exercised only by a
// real S3 service.
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-s3rver-'));
const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-s3-spool-'));
let server: S3rver | null = null;
let s3: S3FileStore | null = null;
const BUCKET = 'motcua-files-test';
contract(
  'S3 (s3rver)',
  async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, directory: s3Dir, silent: true, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    const settings = { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, forcePathStyle: true };
    s3 = new S3FileStore({ ...settings, bucket: BUCKET, spoolDir });
    const lister = new S3Client(settings);
    return {
      store: s3,
      keys: async () => {
        const listed = await lister.send(new ListObjectsV2Command({ Bucket: BUCKET }));
        // The spool must be empty too: a refused upload leaves no file on this server either.
        expect(filesUnder(spoolDir)).toEqual([]);
        return (listed.Contents ?? []).map((o) => o.Key!).sort();
      },
    };
  },
  async () => {
    await s3?.close();
    await server?.close();
    fs.rmSync(s3Dir, { recursive: true, force: true });
    fs.rmSync(spoolDir, { recursive: true, force: true });
  },
);

describe('file storage configuration', () => {
  it('defaults to a local folder under the data folder', () => {
    expect(loadFileStorageConfig({}, '/srv/motcua')).toEqual({ kind: 'local', dir: '/srv/motcua/files' });
    expect(loadFileStorageConfig({ FILE_STORAGE_DIR: '/mnt/tep' }, '/srv/motcua')).toEqual({ kind: 'local', dir: '/mnt/tep' });
    expect(createFileStore(loadFileStorageConfig({}, '/srv/motcua'))).toBeInstanceOf(LocalFileStore);
  });

  it('reads the S3 settings, path style by default with an endpoint', () => {
    const config = loadFileStorageConfig(
      { FILE_STORAGE: 's3', S3_BUCKET: 'ho-so', S3_REGION: 'us-east-1', S3_ENDPOINT: 'https://s3.tinh.gov.vn', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK' },
      '/srv/motcua',
    );
    expect(config).toEqual({
      kind: 's3',
      endpoint: 'https://s3.tinh.gov.vn',
      region: 'us-east-1',
      bucket: 'ho-so',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      forcePathStyle: true,
      spoolDir: '/srv/motcua/spool',
    });
    const store = createFileStore(config);
    expect(store).toBeInstanceOf(S3FileStore);
    void store.close?.();
    expect(loadFileStorageConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'ap-southeast-1' }, '/d')).toMatchObject({
      endpoint: undefined,
      credentials: undefined,
      forcePathStyle: false,
    });
    expect(loadFileStorageConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'r', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'false' }, '/d')).toMatchObject({
      forcePathStyle: false,
    });
  });

  it.each([
    [{ FILE_STORAGE: 'ftp' }, /FILE_STORAGE must be/],
    [{ FILE_STORAGE: 's3', S3_REGION: 'r' }, /S3_BUCKET/],
    [{ FILE_STORAGE: 's3', S3_BUCKET: 'b' }, /S3_REGION/],
    [{ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'r', S3_ACCESS_KEY_ID: 'AK' }, /both or neither/],
    [{ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'r', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'r', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE/],
  ])('refuses %j at start-up', (env, message) => {
    expect(() => loadFileStorageConfig(env, '/d')).toThrow(message);
  });
});
