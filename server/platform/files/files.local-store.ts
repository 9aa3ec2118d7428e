import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStoreKey, chunksOf, ContentDigest, fileNotFound, newStoreKey, type FileSource, type FileStore, type StoredObject } from './files.store';

const isCode = (err: unknown, code: string) => (err as { code?: string } | null)?.code === code;

/**
 * Files in a folder of this server (`FILE_STORAGE_DIR`, default `<data dir>/files`). An object is written to
 * `.incoming/` on the same file system, flushed to disk, then renamed to its key: a reader never sees a partly
 * written file, and a crash leaves at most a stray `.incoming/*.part` file, never a truncated object under a key.
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = path.join(root, '.incoming');
  }

  private pathOf(key: string): string {
    assertStoreKey(key);
    return path.join(this.root, key);
  }

  async put(source: FileSource): Promise<StoredObject> {
    const key = newStoreKey();
    const final = this.pathOf(key);
    await fsp.mkdir(this.incoming, { recursive: true, mode: 0o700 });
    const temp = path.join(this.incoming, `${path.basename(key)}.part`);
    // 'wx': never reuse an existing path; 0600: uploaded documents are readable by the service account only.
    const handle = await fsp.open(temp, 'wx', 0o600);
    const digest = new ContentDigest();
    let closed = false;
    try {
      for await (const chunk of chunksOf(source)) {
        digest.update(chunk);
        // Awaiting each write is the back-pressure: the upload is read no faster than the disk takes it.
        await handle.write(chunk);
      }
      await handle.sync();
      closed = true;
      await handle.close();
      await fsp.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
      await fsp.rename(temp, final);
      // The rename itself is durable only once the directory entry is flushed too.
      await syncDirectory(path.dirname(final));
      return { key, size: digest.size, sha256: digest.hex() };
    } catch (err) {
      if (!closed) await handle.close();
      await fsp.rm(temp, { force: true });
      throw err;
    }
  }

  async open(key: string): Promise<Readable> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.pathOf(key), 'r');
    } catch (err) {
      if (isCode(err, 'ENOENT')) throw fileNotFound();
      throw err;
    }
    // The stream owns the handle from here and closes it at its end or on destroy.
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    // force: a missing file is what the caller wants (idempotent cleanup).
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isCode(err, 'ENOENT')) return false;
      throw err;
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, fs.constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
