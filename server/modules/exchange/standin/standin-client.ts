// A typed handle on the stand-in national portal run as its own process, for tests: spawnStandin() starts
// ./standin-server.ts with a fresh token and an IPC channel, waits until it listens, and offers its control endpoints
// (on the control port, which stays open while the API port refuses connections) and raw /api calls. Every call opens
// its own connection (no keep-alive), so what a test sees never depends on a pooled socket.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DvcqgAnswer, DvcqgPortalDossier } from './standin-format';
import type { StandinBehaviour, StandinLog, StandinReadyMessage } from './standin-server';

const SERVER_FILE = path.join(import.meta.dirname, 'standin-server.ts');
// `--import tsx` is resolved from the working directory: the repository root, where node_modules is.
const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Options of spawnStandin. */
export interface SpawnStandinOptions {
  /** The bearer token /api requires; random by default. */
  token?: string;
  /** How long to wait for `standin ready <port>` (compiling TypeScript on a busy machine takes a while). */
  readyTimeoutMs?: number;
}

/** An HTTP answer: its status and parsed JSON body. */
export interface StandinReply<T> {
  status: number;
  body: T;
}

/** Options of one /api call. */
export interface StandinApiOptions {
  /** Overrides the bearer token; null sends no Authorization header. */
  token?: string | null;
  /** Aborts the call (AbortError) after this many milliseconds, as a client timing out would. */
  timeoutMs?: number;
}

/** A control endpoint refused the call (HTTP 400, 404, 405, 409 or 413). */
export class StandinControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'StandinControlError';
  }
}

/** A file to host (POST /control/files): at most 5 MiB, a name without "/" or control characters, a type/subtype media type. */
export interface StandinFileUpload {
  name: string;
  mediaType: string;
  content: Buffer | Uint8Array;
}

/** Typed calls to the control endpoints (EXCHANGE_FORMAT.md §5). */
export interface StandinControl {
  /** POST /control/dossiers: citizens submitted these on the national portal; all or nothing. */
  addDossiers(dossiers: readonly DvcqgPortalDossier[]): Promise<{ added: number }>;
  /** POST /control/files: hosts the bytes until the next reset; `url` (on the API port, no token) is what TaiLieuNop[].DuongDanTaiTepTin can name. */
  addFile(file: StandinFileUpload): Promise<{ id: string; url: string }>;
  /** POST /control/behaviour. After `refuse` the API port refuses connections for forMs, or until the next behaviour or reset. */
  behaviour(behaviour: StandinBehaviour): Promise<void>;
  /** GET /control/log. */
  log(): Promise<StandinLog>;
  /** POST /control/reset: forget everything, behave normally. */
  reset(): Promise<void>;
  /** Polls the API port until it accepts connections again (after `refuse`); rejects after timeoutMs. */
  waitUntilListening(timeoutMs?: number): Promise<void>;
}

/** A stand-in running as a child process. `url` is where /api is (`${url}/api`). */
export interface StandinProcess {
  url: string;
  port: number;
  controlUrl: string;
  token: string;
  control: StandinControl;
  /** POST /api with `body` as JSON and the bearer token. */
  api(body: unknown, options?: StandinApiOptions): Promise<StandinReply<DvcqgAnswer>>;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit; rejects unless the process exits with code 0. */
  stop(): Promise<void>;
}

/** The name the exchange tests use. */
export type Standin = StandinProcess;

interface RawReply {
  status: number;
  text: string;
}

function request(url: string, method: 'GET' | 'POST', body: string | undefined, headers: Record<string, string>, timeoutMs?: number): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false, signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function parseReply<T>(reply: RawReply, what: string): T {
  try {
    return JSON.parse(reply.text) as T;
  } catch {
    throw new Error(`${what} answered HTTP ${reply.status} with a body that is not JSON: ${reply.text.slice(0, 200)}`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pipesOf(child: ChildProcess): { out: Readable; err: Readable } {
  if (!child.stdout || !child.stderr) throw new Error('spawn gave the stand-in no stdout or stderr pipe');
  return { out: child.stdout, err: child.stderr };
}

const isReadyMessage = (m: unknown): m is StandinReadyMessage => typeof m === 'object' && m !== null && (m as { standin?: unknown }).standin === 'ready';

/** Starts the stand-in as a child process (`node --import tsx standin-server.ts --port 0 --token …`) and waits until it listens. */
export async function spawnStandin(options: SpawnStandinOptions = {}): Promise<StandinProcess> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  // The IPC channel carries the control port, and closes when this process goes, which stops the child.
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_FILE, '--port', '0', '--token', token], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const { out: childOut, err: childErr } = pipesOf(child);
  let stdout = '';
  let stderr = '';
  childOut.setEncoding('utf8');
  childErr.setEncoding('utf8');
  childOut.on('data', (s: string) => (stdout += s));
  childErr.on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  // Ready when both the stdout line and the IPC message (sent first, but on another channel) have come.
  const { port, controlPort } = await new Promise<StandinReadyMessage>((resolve, reject) => {
    let ipc: StandinReadyMessage | null = null;
    const check = () => {
      const m = /^standin ready (\d+)\n/.exec(stdout);
      if (!m || !ipc) return;
      cleanup();
      if (Number(m[1]) === ipc.port) resolve(ipc);
      else reject(new Error(`the stand-in announced port ${m[1]} on stdout but ${ipc.port} over IPC`));
    };
    const onMessage = (message: unknown) => {
      if (isReadyMessage(message)) ipc = message;
      check();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`the stand-in exited (${code ?? signal}) before it was ready: ${stderr}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      // Never leave the child running when it does not get ready.
      child.kill('SIGKILL');
      reject(new Error(`the stand-in was not ready within ${readyTimeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, readyTimeoutMs);
    function cleanup() {
      clearTimeout(timer);
      childOut.off('data', check);
      child.off('message', onMessage);
      child.off('exit', onExit);
    }
    childOut.on('data', check);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

  const url = `http://127.0.0.1:${port}`;
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const json = { 'content-type': 'application/json' };

  async function controlCall<T>(method: 'GET' | 'POST', pathname: string, body?: unknown, base = controlUrl): Promise<T> {
    const reply = await request(`${base}${pathname}`, method, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : json);
    const parsed = parseReply<T & { error?: string; field?: string | null }>(reply, `${method} ${pathname}`);
    if (reply.status !== 200) throw new StandinControlError(reply.status, parsed.error ?? reply.text, parsed.field ?? null);
    return parsed;
  }

  const control: StandinControl = {
    addDossiers: async (dossiers) => {
      const { added } = await controlCall<{ added: number }>('POST', '/control/dossiers', { dossiers });
      return { added };
    },
    addFile: async ({ name, mediaType, content }) => {
      const contentBase64 = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64');
      const { id, url: fileUrl } = await controlCall<{ id: string; url: string }>('POST', '/control/files', { name, mediaType, contentBase64 });
      return { id, url: fileUrl };
    },
    behaviour: async (behaviour) => {
      await controlCall('POST', '/control/behaviour', behaviour);
    },
    log: () => controlCall<StandinLog>('GET', '/control/log'),
    reset: async () => {
      await controlCall('POST', '/control/reset', {});
    },
    waitUntilListening: async (timeoutMs = 10_000) => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        try {
          // The control endpoints answer on the API port too: an answer there means it listens.
          await controlCall('GET', '/control/log', undefined, url);
          return;
        } catch (error) {
          // Refused while the stand-in is not listening: try again until the deadline.
          if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || performance.now() > deadline) throw error;
        }
        await sleep(25);
      }
    },
  };

  return {
    url,
    port,
    controlUrl,
    token,
    control,
    api: async (body, apiOptions = {}) => {
      const bearer = apiOptions.token === undefined ? token : apiOptions.token;
      const headers: Record<string, string> = { ...json, ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) };
      const reply = await request(`${url}/api`, 'POST', JSON.stringify(body), headers, apiOptions.timeoutMs);
      return { status: reply.status, body: parseReply<DvcqgAnswer>(reply, 'POST /api') };
    },
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const { code, signal } = await exited;
      clearTimeout(killer);
      if (code !== 0) throw new Error(`the stand-in did not stop cleanly (${code ?? signal}): ${stderr}`);
    },
  };
}
