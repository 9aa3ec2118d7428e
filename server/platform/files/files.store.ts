import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';

/** What a store gives back for stored content: its key and what was actually written. */
export interface StoredObject {
  /** Random, content-independent key (`ab/cd/<32 hex>`); never derived from a file name. */
  key: string;
  size: number;
  /** SHA-256 of the bytes written, lower-case hex, computed while they streamed through. */
  sha256: string;
}

/** Bytes to store: a whole buffer, or a stream read once (a Node Readable is an async iterable). */
export type FileSource = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Where file contents live. `put` makes an object visible only once it is complete: a source that fails part-way (a
 * refused upload, a broken connection) leaves nothing behind. Keys are the store's own; callers keep them.
 */
export interface FileStore {
  /** 'local' or 's3' (logs and health reports). */
  readonly kind: string;
  put(source: FileSource): Promise<StoredObject>;
  /** The object's bytes; rejects with FILE_NOT_FOUND (404) when there is none under the key. */
  open(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error (a retried cleanup must not fail). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Releases connections at shutdown. */
  close?(): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/;

/**
 * A new key: 128 random bits as hex, sharded by its first two bytes into 65,536 folders (a flat folder of millions
 * of files is slow to list and back up). Nothing of the content or the client's file name goes into it.
 */
export function newStoreKey(): string {
  const id = randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

/** Refuses anything that is not a key this platform made, so a key can never name a path outside the store. */
export function assertStoreKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`not a file store key: ${JSON.stringify(key.slice(0, 80))}`);
}

export const fileNotFound = () => new AppError('FILE_NOT_FOUND', {}, { status: 404 });

/** Counts and hashes what passes through, for stores that write chunk by chunk. */
export class ContentDigest {
  private readonly hash = createHash('sha256');
  size = 0;
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.length;
  }
  hex(): string {
    return this.hash.digest('hex');
  }
}

/** The source as chunks (a buffer is one chunk). */
export async function* chunksOf(source: FileSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const chunk of source) yield chunk;
}
