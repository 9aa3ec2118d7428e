// The national public-service portal (DVCQG) the province exchanges with (issue 13 item 4): endpoint, credentials and
// agency code are configuration. Without DVCQG_URL the exchange is off (nothing is queued or sent).

export interface ExchangeConfig {
  url: string;
  token: string;
  /** The province's agency code at the national portal (mã đơn vị), e.g. H56. */
  agencyCode: string;
  timeoutMs: number;
  /**
   * Hosts (host:port as in a URL) the files of national dossiers may be downloaded from; nothing else is fetched, so
   * a dossier cannot make the server call an address of the province's own network. Default: DVCQG_URL's host.
   */
  fileHosts: string[];
}

function int(env: Readonly<NodeJS.ProcessEnv>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  return n;
}

/** Reads DVCQG_URL, DVCQG_TOKEN, DVCQG_AGENCY_CODE, DVCQG_TIMEOUT_MS, DVCQG_FILE_HOSTS; null when the exchange is off. */
export function loadExchangeConfig(env: Readonly<NodeJS.ProcessEnv>): ExchangeConfig | null {
  const url = env.DVCQG_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new Error(`DVCQG_URL must be an http(s) address, got "${url}"`);
  const token = env.DVCQG_TOKEN?.trim();
  const agencyCode = env.DVCQG_AGENCY_CODE?.trim();
  if (!token) throw new Error('DVCQG_URL needs DVCQG_TOKEN');
  if (!agencyCode) throw new Error('DVCQG_URL needs DVCQG_AGENCY_CODE');
  const fileHosts = (env.DVCQG_FILE_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of fileHosts) if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(host)) throw new Error(`DVCQG_FILE_HOSTS must list host or host:port names, got "${host}"`);
  return { url, token, agencyCode, timeoutMs: int(env, 'DVCQG_TIMEOUT_MS', 10_000, 100, 120_000), fileHosts: fileHosts.length > 0 ? fileHosts : [new URL(url).host] };
}
