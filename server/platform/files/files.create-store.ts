import type { FileStorageConfig } from './files.config';
import { LocalFileStore } from './files.local-store';
import { S3FileStore } from './files.s3-store';
import type { FileStore } from './files.store';

/** The store FILE_STORAGE chooses: a local folder by default, or an S3-compatible bucket. */
export function createFileStore(config: FileStorageConfig): FileStore {
  if (config.kind === 'local') return new LocalFileStore(config.dir);
  return new S3FileStore(config);
}
