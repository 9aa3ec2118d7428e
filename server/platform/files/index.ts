import type { ModuleManifest } from '../http/module';
import { filesMessages } from './files.messages';

export { type FileStore, type FileSource, type StoredObject } from './files.store';
export { LocalFileStore } from './files.local-store';
export { S3FileStore, type S3FileStoreOptions } from './files.s3-store';
export { createFileStore } from './files.create-store';
export { loadFileStorageConfig, type FileStorageConfig } from './files.config';
export { ACCEPTED_MEDIA_TYPES, MEDIA_TYPE_LABELS, type AcceptedMediaType } from './files.types';
export { sanitizeDisplayName, contentDisposition, MEDIA_TYPE_EXTENSIONS, DISPLAY_NAME_MAX_CHARS } from './files.names';
export {
  receiveUploads,
  receiveStream,
  recordFiles,
  acceptUploads,
  deleteFile,
  storageUsed,
  type UploadLimits,
  type ReceivedFile,
  type ReceivedUploads,
  type StoredFile,
  type AcceptedFile,
  type AcceptUploadsOptions,
} from './files.uploads';
export { formatBytes } from './files.content';
export { findFile, sendFile, StoredFileMismatchError, type SendFileOptions } from './files.read';
export { platformFiles } from './files.tables';

/**
 * Uploaded files: a store (local folder or S3 bucket, chosen by FILE_STORAGE; the app puts it on the module host as
 * `host.files`), upload acceptance (type by content, polyglots, limits, names, per-owner quota) and reading back.
 * No routes: each feature that takes files exposes its own, with its own owner and authorisation.
 */
export const filesModule: ModuleManifest = {
  key: 'files',
  messages: filesMessages,
};
