import path from 'node:path';

/** Where uploaded files are kept: a folder of this server (default) or an S3-compatible bucket. */
export type FileStorageConfig =
  | {
      kind: 'local';
      /** FILE_STORAGE_DIR: the folder holding the files (default `<MOTCUA_DATA_DIR>/files`). */
      dir: string;
    }
  | {
      kind: 's3';
      /** S3_ENDPOINT: the service's address for a non-AWS server (MinIO, Ceph, a provider's S3); unset = AWS. */
      endpoint: string | undefined;
      /** S3_REGION: required by the request signature even on servers that ignore it. */
      region: string;
      /** S3_BUCKET: an existing bucket; the application never creates one. */
      bucket: string;
      /** S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: both or neither (neither: the SDK's own chain, e.g. an instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** S3_FORCE_PATH_STYLE: `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>`; default true with an endpoint. */
      forcePathStyle: boolean;
      /** FILE_STORAGE_SPOOL_DIR: where an upload is written before it is sent (default `<MOTCUA_DATA_DIR>/spool`). */
      spoolDir: string;
    };

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new Error(`${name} must be "true" or "false", got "${raw}"`);
}

/** Reads FILE_STORAGE and its settings; throws at start-up on an unusable combination. */
export function loadFileStorageConfig(env: NodeJS.ProcessEnv, dataDir: string): FileStorageConfig {
  const kind = env.FILE_STORAGE || 'local';
  if (kind === 'local') return { kind, dir: path.resolve(env.FILE_STORAGE_DIR || path.join(dataDir, 'files')) };
  if (kind !== 's3') throw new Error(`FILE_STORAGE must be "local" or "s3", got "${kind}"`);
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error('FILE_STORAGE=s3 needs S3_BUCKET');
  const region = env.S3_REGION?.trim();
  if (!region) throw new Error('FILE_STORAGE=s3 needs S3_REGION (any value the server accepts, e.g. us-east-1 for MinIO)');
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint) {
    const protocol = URL.canParse(endpoint) ? new URL(endpoint).protocol : '';
    if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  return {
    kind,
    endpoint,
    region,
    bucket,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Self-hosted S3 servers are usually reached by one host name without wildcard DNS for buckets.
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE, endpoint !== undefined),
    spoolDir: path.resolve(env.FILE_STORAGE_SPOOL_DIR || path.join(dataDir, 'spool')),
  };
}
