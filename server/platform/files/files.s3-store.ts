import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertStoreKey, chunksOf, ContentDigest, fileNotFound, newStoreKey, type FileSource, type FileStore, type StoredObject } from './files.store';

/** How to reach the bucket (FILE_STORAGE=s3; README lists the variables). */
export interface S3FileStoreOptions {
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  /** Where an upload is written before it is sent (a folder of this server; personal data, so not /tmp). */
  spoolDir: string;
}

const notFound = (err: unknown) => err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404);

/**
 * Files in an S3-compatible bucket. An upload is first written to a spool file on this server while its size and
 * SHA-256 are computed, then sent in one PutObject with its length and checksum: S3 makes an object visible only
 * when the PUT completes, and refuses one whose bytes do not match the checksum, so nothing partial is ever stored,
 * and a refused upload never reaches the bucket at all. Memory stays bounded whatever the file size (the spool is on
 * disk); uploads here are at most tens of megabytes, well under the 5 GB a single PUT takes, so multipart uploads
 * (and their abandoned parts) are not needed.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly spoolDir: string;

  constructor(options: S3FileStoreOptions) {
    this.bucket = options.bucket;
    this.spoolDir = options.spoolDir;
    this.client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // The SDK's default since 2025 adds CRC32 trailers with aws-chunked encoding to every upload, which several
      // S3-compatible servers store as part of the object or refuse; the SHA-256 checksum sent below covers integrity.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(source: FileSource): Promise<StoredObject> {
    const key = newStoreKey();
    if (source instanceof Uint8Array) {
      const digest = new ContentDigest();
      digest.update(source);
      const sha256 = digest.hex();
      await this.send(key, source, source.length, sha256);
      return { key, size: source.length, sha256 };
    }
    await fsp.mkdir(this.spoolDir, { recursive: true, mode: 0o700 });
    const spool = path.join(this.spoolDir, `${randomBytes(16).toString('hex')}.part`);
    try {
      const handle = await fsp.open(spool, 'wx', 0o600);
      const digest = new ContentDigest();
      try {
        for await (const chunk of chunksOf(source)) {
          digest.update(chunk);
          await handle.write(chunk);
        }
      } finally {
        await handle.close();
      }
      const sha256 = digest.hex();
      await this.send(key, fs.createReadStream(spool), digest.size, sha256);
      return { key, size: digest.size, sha256 };
    } finally {
      await fsp.rm(spool, { force: true });
    }
  }

  private async send(key: string, body: Uint8Array | Readable, size: number, sha256: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: size,
        // The stored media type is the database's; the bucket never serves these objects to browsers directly.
        ContentType: 'application/octet-stream',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
  }

  async open(key: string): Promise<Readable> {
    assertStoreKey(key);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(result.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node stream');
      return result.Body;
    } catch (err) {
      if (notFound(err)) throw fileNotFound();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertStoreKey(key);
    // S3 answers 204 whether or not the key existed, which is the idempotence the interface promises.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertStoreKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (notFound(err)) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
