// The local stand-in for the national public-service portal (DVCQG): POST /api speaks the exchange format of
// ./standin-format.ts against in-memory state, GET /files/<id>/<name> serves the files tests host for portal dossiers,
// and /control/* lets tests seed portal dossiers and files, read what was recorded and make /api and /files misbehave.
// /control/* is served on the API port and on a control port of its own, which stays open while the API port refuses
// connections. Runs in-process (startStandin) or as its own process (./standin-client.ts):
//   node --import tsx server/modules/exchange/standin/standin-server.ts --port 0 --token <token> [--host 127.0.0.1] [--control-port 0]
// The rules and the control endpoints: ../EXCHANGE_FORMAT.md.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ERROR_CODES,
  formatDvcqgTime,
  isStatusBackwards,
  problemMessage,
  validatePortalDossier,
  validateRequest,
  type CapNhatTienDoHoSoMCRequest,
  type DongBoHoSoMCRequest,
  type DossierStatusCode,
  type DvcqgAnswer,
  type DvcqgDossier,
  type DvcqgLookupResult,
  type DvcqgPortalDossier,
  type DvcqgRequest,
  type LayDanhSachHoSoMoiRequest,
  type TraCuuHoSoRequest,
  type XacNhanDaNhanHoSoRequest,
} from './standin-format';

/** Request bodies above this many bytes are refused with HTTP 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** A hosted file (POST /control/files) holds at most this many bytes. */
export const FILE_LIMIT_BYTES = 5 * 1024 * 1024;
// POST /control/files carries the file in base64 (4 characters per 3 bytes), with room for its name and media type.
const FILE_BODY_LIMIT_BYTES = Math.ceil(FILE_LIMIT_BYTES / 3) * 4 + 64 * 1024;
// Past the limit the rest of the body is read and dropped (so the client sees the 413, not a reset) up to this much.
const DRAIN_LIMIT_BYTES = 16 * BODY_LIMIT_BYTES;
const MAX_DELAY_MS = 10 * 60 * 1000;

/** Where and with which bearer token the stand-in listens. */
export interface StandinOptions {
  token: string;
  /** 0 (the default) lets the system choose. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** The port of the control-only listener; 0 (the default) lets the system choose. */
  controlPort?: number;
}

/** A running stand-in: /api and /control/* at `url`, /control/* alone at `controlUrl`. */
export interface StandinHandle {
  port: number;
  url: string;
  controlPort: number;
  controlUrl: string;
  close(): Promise<void>;
}

/** How /api and /files behave (POST /control/behaviour); see EXCHANGE_FORMAT.md §5. */
export type StandinBehaviour =
  | { mode: 'normal' }
  | { mode: 'down' }
  | { mode: 'slow'; delayMs?: number }
  | { mode: 'error'; errorCode?: string }
  | { mode: 'flaky'; failEvery?: number; errorCode?: string }
  | { mode: 'refuse'; forMs?: number };

type ActiveBehaviour =
  { mode: 'normal' } | { mode: 'down' } | { mode: 'slow'; delayMs: number } | { mode: 'error'; errorCode: string } | { mode: 'flaky'; failEvery: number; errorCode: string };

/** What the stand-in recorded about one dossier. */
export interface StandinDossierLog {
  /** local: created by DongBoHoSoMC; portal: submitted on the national portal (POST /control/dossiers). */
  origin: 'local' | 'portal';
  /** TrangThaiHoSo each time DongBoHoSoMC recorded the dossier. */
  statuses: number[];
  /** Each recorded status that went back to an earlier stage, with the status before it. */
  backwards: Array<{ from: number; to: number }>;
  progress: Array<{ TrangThai: number; ThoiDiemXuLy: string; NoiDungXuLy: string }>;
  /** Creations of an existing dossier and progress entries already recorded, each answered as already existing. */
  duplicates: number;
  /** The dossier as last recorded (as submitted, for a portal dossier DongBoHoSoMC has not updated). */
  current: DvcqgDossier;
  /** The province's code given by XacNhanDaNhanHoSo, null before. */
  maHoSoTinh: string | null;
}

/** GET /control/log. */
export interface StandinLog {
  dossiers: Record<string, StandinDossierLog>;
  /** Every /api request refused for its content (error_code -1, HTTP 400, 405, 413, 415), in order, with the MaHoSo it concerned if any. */
  rejected: Array<{ service: string | null; message: string; field: string | null; maHoSo: string | null }>;
  /** /api requests received, whatever happened to them (control requests are not counted). */
  requests: number;
  /** MaHoSo of the portal dossiers acknowledged by XacNhanDaNhanHoSo, in order. */
  acknowledged: string[];
  /** The hosted files in upload order; `downloads` counts the GET requests answered with the bytes. */
  files: Array<{ id: string; name: string; mediaType: string; size: number; downloads: number }>;
}

interface DossierState {
  origin: 'local' | 'portal';
  submitted: DvcqgPortalDossier | null;
  current: DvcqgDossier;
  statuses: DossierStatusCode[];
  /** When DongBoHoSoMC last recorded the dossier, as TraCuuHoSo reports it (NgayCapNhat). */
  updatedAt: string | null;
  backwards: Array<{ from: number; to: number }>;
  // Codes kept as strings, as TraCuuHoSo answers them; the log turns them into numbers.
  progress: Array<{ TrangThai: DossierStatusCode; ThoiDiemXuLy: string; NoiDungXuLy: string }>;
  progressKeys: Set<string>;
  duplicates: number;
  maHoSoTinh: string | null;
}

/** A file hosted for the province to download (POST /control/files). */
export interface HostedFile {
  id: string;
  name: string;
  mediaType: string;
  content: Buffer;
}

type PortalResult = { ok: true; added: number } | { ok: false; status: 400 | 409; error: string; field: string };

/** The portal's memory and its answers to valid requests. */
class Portal {
  requests = 0;
  private dossiers = new Map<string, DossierState>();
  private rejected: StandinLog['rejected'] = [];
  private acknowledged: string[] = [];
  private files = new Map<string, HostedFile & { downloads: number }>();

  reset(): void {
    this.requests = 0;
    this.dossiers.clear();
    this.rejected = [];
    this.acknowledged = [];
    this.files.clear();
  }

  /** Records a refusal and answers it with error_code -1. */
  invalid(service: string | null, field: string, message: string, maHoSo: string | null): DvcqgAnswer {
    this.rejected.push({ service, message, field, maHoSo });
    return { error_code: ERROR_CODES.invalid, message, field };
  }

  /** Records a refusal answered at the HTTP level. */
  refusedHttp(message: string): void {
    this.rejected.push({ service: null, message, field: null, maHoSo: null });
  }

  answer(request: DvcqgRequest): DvcqgAnswer {
    switch (request.service) {
      case 'DongBoHoSoMC':
        return this.syncDossiers(request);
      case 'CapNhatTienDoHoSoMC':
        return this.recordProgress(request);
      case 'LayDanhSachHoSoMoi':
        return this.listNew(request);
      case 'XacNhanDaNhanHoSo':
        return this.acknowledge(request);
      case 'TraCuuHoSo':
        return this.lookUp(request);
    }
  }

  /** POST /control/files: keeps the file under a fresh random id, so a URL from before a reset never names another file. */
  addFile(file: Omit<HostedFile, 'id'>): HostedFile {
    const hosted = { ...file, id: randomBytes(12).toString('base64url') };
    this.files.set(hosted.id, { ...hosted, downloads: 0 });
    return hosted;
  }

  /** The file GET /files/<id>/<name> names, or null; `download` counts it as downloaded. */
  file(id: string, name: string, download: boolean): HostedFile | null {
    const file = this.files.get(id);
    if (!file || file.name !== name) return null;
    if (download) file.downloads += 1;
    return file;
  }

  /** POST /control/dossiers: all or nothing. */
  addPortalDossiers(dossiers: unknown): PortalResult {
    if (!Array.isArray(dossiers) || dossiers.length === 0) return { ok: false, status: 400, error: 'dossiers phải là mảng có ít nhất một hồ sơ', field: 'dossiers' };
    const valid: DvcqgPortalDossier[] = [];
    for (const [i, candidate] of (dossiers as unknown[]).entries()) {
      const v = validatePortalDossier(candidate, `dossiers[${i}]`);
      if (!v.ok) return { ok: false, status: 400, error: problemMessage(v.problem), field: v.problem.field };
      if (this.dossiers.has(v.value.MaHoSo) || valid.some((d) => d.MaHoSo === v.value.MaHoSo)) {
        return { ok: false, status: 409, error: `Hồ sơ ${v.value.MaHoSo} đã tồn tại`, field: `dossiers[${i}].MaHoSo` };
      }
      valid.push(v.value);
    }
    for (const d of valid) this.dossiers.set(d.MaHoSo, { ...emptyState('portal', d), submitted: d });
    return { ok: true, added: valid.length };
  }

  log(): StandinLog {
    return {
      dossiers: Object.fromEntries(
        [...this.dossiers].map(([code, s]) => [
          code,
          {
            origin: s.origin,
            statuses: s.statuses.map(Number),
            backwards: s.backwards.map((b) => ({ ...b })),
            progress: s.progress.map((p) => ({ ...p, TrangThai: Number(p.TrangThai) })),
            duplicates: s.duplicates,
            current: s.current,
            maHoSoTinh: s.maHoSoTinh,
          },
        ]),
      ),
      rejected: this.rejected.map((r) => ({ ...r })),
      requests: this.requests,
      acknowledged: [...this.acknowledged],
      files: [...this.files.values()].map((f) => ({ id: f.id, name: f.name, mediaType: f.mediaType, size: f.content.length, downloads: f.downloads })),
    };
  }

  private syncDossiers(request: DongBoHoSoMCRequest): DvcqgAnswer {
    const { data } = request;
    if (request.isUpdating) {
      // An update naming an unknown dossier refuses the whole batch: nothing of it is recorded.
      const unknown = data.findIndex((d) => !this.dossiers.has(d.MaHoSo));
      const missing = data[unknown]?.MaHoSo ?? null;
      if (missing !== null) return this.invalid(request.service, `data[${unknown}].MaHoSo`, `Không tìm thấy hồ sơ ${missing}`, missing);
      for (const d of data) this.recordStatus(this.state(d.MaHoSo), d);
      return { error_code: ERROR_CODES.ok, message: 'Cập nhật hồ sơ thành công' };
    }
    const existing = data.filter((d) => this.dossiers.has(d.MaHoSo)).map((d) => d.MaHoSo);
    for (const code of existing) this.state(code).duplicates += 1;
    if (existing.length === data.length) return { error_code: ERROR_CODES.exists, message: 'Hồ sơ đã tồn tại', existing };
    for (const d of data) {
      if (existing.includes(d.MaHoSo)) continue;
      const created = emptyState('local', d);
      this.dossiers.set(d.MaHoSo, created);
      this.recordStatus(created, d);
    }
    return { error_code: ERROR_CODES.ok, message: 'Đồng bộ hồ sơ thành công', ...(existing.length > 0 ? { existing } : {}) };
  }

  private recordStatus(state: DossierState, dossier: DvcqgDossier): void {
    // A portal dossier starts at 1 (submitted) before the province ever sends a status.
    const previous = state.statuses.at(-1) ?? (state.origin === 'portal' ? '1' : null);
    if (previous !== null && isStatusBackwards(previous, dossier.TrangThaiHoSo)) state.backwards.push({ from: Number(previous), to: Number(dossier.TrangThaiHoSo) });
    state.statuses.push(dossier.TrangThaiHoSo);
    state.updatedAt = formatDvcqgTime(new Date());
    state.current = dossier;
  }

  private recordProgress(request: CapNhatTienDoHoSoMCRequest): DvcqgAnswer {
    const { data } = request;
    const unknown = data.findIndex((p) => !this.dossiers.has(p.MaHoSo));
    const missing = data[unknown]?.MaHoSo ?? null;
    if (missing !== null) return this.invalid(request.service, `data[${unknown}].MaHoSo`, `Không tìm thấy hồ sơ ${missing}`, missing);
    let duplicates = 0;
    for (const p of data) {
      const state = this.state(p.MaHoSo);
      const key = `${p.ThoiDiemXuLy}|${p.TrangThai}`;
      if (state.progressKeys.has(key)) {
        duplicates += 1;
        state.duplicates += 1;
        continue;
      }
      state.progressKeys.add(key);
      state.progress.push({ TrangThai: p.TrangThai, ThoiDiemXuLy: p.ThoiDiemXuLy, NoiDungXuLy: p.NoiDungXuLy });
    }
    if (duplicates === data.length) return { error_code: ERROR_CODES.exists, message: 'Tiến độ đã tồn tại', duplicates };
    return { error_code: ERROR_CODES.ok, message: 'Cập nhật tiến độ thành công', duplicates };
  }

  private listNew(request: LayDanhSachHoSoMoiRequest): DvcqgAnswer {
    const data = [...this.dossiers.values()].flatMap((s) => (s.submitted && s.maHoSoTinh === null && s.submitted.MaDonViTiepNhan === request.MaDonVi ? [s.submitted] : []));
    return { error_code: ERROR_CODES.ok, message: 'Lấy danh sách hồ sơ thành công', data };
  }

  private acknowledge(request: XacNhanDaNhanHoSoRequest): DvcqgAnswer {
    const state = this.dossiers.get(request.MaHoSo);
    if (!state || state.origin !== 'portal') return this.invalid(request.service, 'MaHoSo', `Không tìm thấy hồ sơ ${request.MaHoSo}`, request.MaHoSo);
    if (state.maHoSoTinh !== null) return { error_code: ERROR_CODES.exists, message: 'Hồ sơ đã được xác nhận' };
    const holder = [...this.dossiers].find(([, s]) => s.maHoSoTinh === request.MaHoSoTinh)?.[0];
    if (holder !== undefined) return this.invalid(request.service, 'MaHoSoTinh', `MaHoSoTinh không hợp lệ: đã dùng cho hồ sơ ${holder}`, request.MaHoSo);
    state.maHoSoTinh = request.MaHoSoTinh;
    this.acknowledged.push(request.MaHoSo);
    return { error_code: ERROR_CODES.ok, message: 'Xác nhận đã nhận hồ sơ thành công' };
  }

  /** Reads only: the known dossiers in request order, the others in `missing`. */
  private lookUp(request: TraCuuHoSoRequest): DvcqgAnswer {
    const data: DvcqgLookupResult[] = [];
    const missing: string[] = [];
    for (const code of request.MaHoSo) {
      const state = this.dossiers.get(code);
      if (!state) {
        missing.push(code);
        continue;
      }
      data.push({
        MaHoSo: code,
        TrangThaiHoSo: state.current.TrangThaiHoSo,
        ...(state.updatedAt === null ? {} : { NgayCapNhat: state.updatedAt }),
        TienDo: state.progress.map((p) => ({ TrangThai: p.TrangThai, ThoiDiemXuLy: p.ThoiDiemXuLy })),
      });
    }
    return { error_code: ERROR_CODES.ok, message: 'Tra cứu hồ sơ thành công', data, missing };
  }

  private state(code: string): DossierState {
    const state = this.dossiers.get(code);
    if (!state) throw new Error(`no dossier ${code}: callers check existence first`);
    return state;
  }
}

function emptyState(origin: DossierState['origin'], current: DvcqgDossier): DossierState {
  return { origin, submitted: null, current, statuses: [], updatedAt: null, backwards: [], progress: [], progressKeys: new Set(), duplicates: 0, maHoSoTinh: null };
}

// ---------------------------------------------------------------------------------------------------------------------
// Control bodies.

const BEHAVIOUR_KEYS: Readonly<Record<StandinBehaviour['mode'], readonly string[]>> = {
  normal: [],
  down: [],
  slow: ['delayMs'],
  error: ['errorCode'],
  flaky: ['failEvery', 'errorCode'],
  refuse: ['forMs'],
};

type ParsedBehaviour = { ok: true; behaviour: ActiveBehaviour | { mode: 'refuse'; forMs: number } } | { ok: false; error: string; field: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function integerIn(value: unknown, fallback: number, min: number, max: number): number | null {
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** The body of POST /control/behaviour, with the defaults filled in. */
function parseBehaviour(body: unknown): ParsedBehaviour {
  if (!isRecord(body)) return { ok: false, error: 'phải là đối tượng JSON', field: '(body)' };
  const mode = body.mode;
  if (typeof mode !== 'string' || !Object.hasOwn(BEHAVIOUR_KEYS, mode))
    return { ok: false, error: `mode phải là một trong ${Object.keys(BEHAVIOUR_KEYS).join(', ')}`, field: 'mode' };
  const m = mode as StandinBehaviour['mode'];
  for (const key of Object.keys(body)) {
    if (key !== 'mode' && !BEHAVIOUR_KEYS[m].includes(key)) return { ok: false, error: `${key} không dùng cho mode ${m}`, field: key };
  }
  const errorCode = body.errorCode ?? ERROR_CODES.system;
  if (typeof errorCode !== 'string' || errorCode.length === 0 || errorCode.length > 20) return { ok: false, error: 'errorCode phải là chuỗi 1–20 ký tự', field: 'errorCode' };
  switch (m) {
    case 'normal':
    case 'down':
      return { ok: true, behaviour: { mode: m } };
    case 'error':
      return { ok: true, behaviour: { mode: m, errorCode } };
    case 'slow': {
      const delayMs = integerIn(body.delayMs, 1000, 0, MAX_DELAY_MS);
      return delayMs === null ? { ok: false, error: `delayMs phải là số nguyên 0–${MAX_DELAY_MS}`, field: 'delayMs' } : { ok: true, behaviour: { mode: m, delayMs } };
    }
    case 'flaky': {
      const failEvery = integerIn(body.failEvery, 2, 1, 1000);
      return failEvery === null ? { ok: false, error: 'failEvery phải là số nguyên 1–1000', field: 'failEvery' } : { ok: true, behaviour: { mode: m, failEvery, errorCode } };
    }
    case 'refuse': {
      const forMs = integerIn(body.forMs, 1000, 1, MAX_DELAY_MS);
      return forMs === null ? { ok: false, error: `forMs phải là số nguyên 1–${MAX_DELAY_MS}`, field: 'forMs' } : { ok: true, behaviour: { mode: m, forMs } };
    }
  }
}

const FILE_KEYS = ['name', 'mediaType', 'contentBase64'];
// RFC 6838 restricted names, without parameters: what a Content-Type header carries as it is.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

type ParsedFile = { ok: true; file: Omit<HostedFile, 'id'> } | { ok: false; error: string; field: string };

/** Why a hosted file's name is refused, or null. It becomes a URL path segment, hence no "/", "." or "..". */
function fileNameProblem(name: string): string | null {
  // encodeURIComponent throws on a lone surrogate, which JSON.parse lets through ("\ud800").
  if (/\p{Cs}/u.test(name)) return 'chứa nửa cặp thay thế UTF-16 đứng riêng';
  const length = [...name.normalize('NFC')].length;
  if (length < 1 || length > 255) return `phải dài 1–255 ký tự (nhận ${length})`;
  if (name.trim() === '') return 'không được chỉ gồm khoảng trắng';
  if (/\p{Cc}/u.test(name)) return 'chứa ký tự điều khiển';
  if (name.includes('/')) return 'không được chứa "/"';
  // A URL client resolves these segments away (…/<id>/.. is …/files/), so the link would never reach the file.
  if (name === '.' || name === '..') return 'không được là "." hoặc ".."';
  return null;
}

/** The body of POST /control/files. */
function parseFile(body: unknown): ParsedFile {
  if (!isRecord(body)) return { ok: false, error: 'phải là đối tượng JSON', field: '(body)' };
  for (const key of Object.keys(body)) {
    if (!FILE_KEYS.includes(key)) return { ok: false, error: `${key} không có trong định dạng`, field: key };
  }
  const { name, mediaType, contentBase64 } = body;
  if (typeof name !== 'string') return { ok: false, error: 'name phải là chuỗi', field: 'name' };
  const nameProblem = fileNameProblem(name);
  if (nameProblem !== null) return { ok: false, error: `name ${nameProblem}`, field: 'name' };
  if (typeof mediaType !== 'string' || !MEDIA_TYPE.test(mediaType))
    return { ok: false, error: 'mediaType phải có dạng type/subtype, không kèm tham số, ví dụ "application/pdf"', field: 'mediaType' };
  if (typeof contentBase64 !== 'string') return { ok: false, error: 'contentBase64 phải là chuỗi base64', field: 'contentBase64' };
  // Buffer.from skips what is not base64 without a word: only the canonical form (padded, as Buffer writes it) survives the round trip.
  const content = Buffer.from(contentBase64, 'base64');
  if (content.toString('base64') !== contentBase64) return { ok: false, error: 'contentBase64 phải là base64 chuẩn (A–Z a–z 0–9 + /, có "=" đệm)', field: 'contentBase64' };
  if (content.length > FILE_LIMIT_BYTES) return { ok: false, error: `contentBase64 giải mã được ${content.length} byte, tối đa ${FILE_LIMIT_BYTES}`, field: 'contentBase64' };
  return { ok: true, file: { name, mediaType, content } };
}

// ---------------------------------------------------------------------------------------------------------------------
// HTTP.

interface Body {
  bytes: Buffer;
  tooLarge: boolean;
}

/** Reads a request body, keeping at most `limit` bytes. */
function readBody(req: http.IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy(new Error(`request body beyond ${DRAIN_LIMIT_BYTES} bytes`));
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      ended = true;
      resolve({ bytes: Buffer.concat(chunks), tooLarge: size > limit });
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended) reject(new Error('the client closed the request before its body ended'));
    });
  });
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** Strict UTF-8, then JSON. */
function parseJson(bytes: Buffer): Parsed {
  let textBody: string;
  try {
    textBody = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'Nội dung không phải UTF-8 hợp lệ' };
  }
  try {
    return { ok: true, value: JSON.parse(textBody) as unknown };
  } catch (error) {
    return { ok: false, message: `JSON không hợp lệ: ${(error as Error).message}` };
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  // The client may have gone (it timed out on a slow answer, or the stand-in dropped its connections).
  if (res.destroyed || res.writableEnded) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

const isJsonContentType = (value: string | undefined) => /^application\/json\s*(?:;|$)/i.test(value ?? '');

function sendFile(res: http.ServerResponse, file: HostedFile): void {
  if (res.destroyed || res.writableEnded) return;
  // To HEAD, Node sends these headers and drops the body.
  res.writeHead(200, { 'content-type': file.mediaType, 'content-length': file.content.length });
  res.end(file.content);
}

/** A path segment percent-decoded, or null if its escapes are malformed. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

interface Reply {
  status: number;
  answer: DvcqgAnswer;
}

/** The MaHoSo a refused request concerned: that of the refused data[i], the refused MaHoSo[i] (TraCuuHoSo), or the body's own. */
function refusedDossier(body: unknown, field: string): string | null {
  if (!isRecord(body)) return null;
  const code = /^MaHoSo\[(\d+)\]$/.exec(field);
  if (code && Array.isArray(body.MaHoSo)) {
    const named = (body.MaHoSo as unknown[])[Number(code[1])];
    return typeof named === 'string' ? named : null;
  }
  const item = /^data\[(\d+)\]/.exec(field);
  const holder = item && Array.isArray(body.data) ? (body.data as unknown[])[Number(item[1])] : body;
  return isRecord(holder) && typeof holder.MaHoSo === 'string' ? holder.MaHoSo : null;
}

const listen = (server: http.Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

class Standin {
  readonly portal = new Portal();
  private behaviour: ActiveBehaviour = { mode: 'normal' };
  /** /api and /files requests since the behaviour was last set (flaky counts from here). */
  private sinceBehaviour = 0;
  private readonly pending = new Set<NodeJS.Timeout>();
  /** Set while the API port refuses connections. */
  private refusal: { closed: Promise<void>; timer: NodeJS.Timeout } | null = null;
  private stopped = false;
  private readonly server: http.Server;
  private readonly controlServer: http.Server;
  private readonly token: Buffer;
  port = 0;
  controlPort = 0;

  constructor(
    token: string,
    private readonly host: string,
  ) {
    this.token = Buffer.from(token, 'utf8');
    this.server = http.createServer((req, res) => this.serve(req, res, true));
    this.controlServer = http.createServer((req, res) => this.serve(req, res, false));
  }

  async start(port: number, controlPort: number): Promise<void> {
    this.port = await listen(this.server, port, this.host);
    this.controlPort = await listen(this.controlServer, controlPort, this.host);
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    if (this.refusal) clearTimeout(this.refusal.timer);
    this.server.closeAllConnections();
    await Promise.all([this.server, this.controlServer].filter((s) => s.listening).map((s) => closeServer(s, true)));
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse, apiPort: boolean): void {
    this.route(req, res, apiPort).catch((error: unknown) => {
      // The connection failed under the request (client gone, body beyond the drain limit): say so, answer if still possible.
      process.stderr.write(`standin: ${req.method} ${req.url}: ${(error as Error).message}\n`);
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: 'internal error' });
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, apiPort: boolean): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://standin.invalid').pathname;
    if (pathname === '/api' && apiPort) return this.api(req, res);
    if (pathname.startsWith('/files/') && apiPort) return this.download(pathname, req, res);
    if (pathname.startsWith('/control/')) return this.control(pathname, req, res);
    sendJson(res, 404, { error: `Không có đường dẫn ${pathname}`, field: null });
  }

  private async api(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.portal.requests += 1;
    this.sinceBehaviour += 1;
    const seq = this.sinceBehaviour;
    const body = await readBody(req);
    if (this.misbehaved(req, res, seq, 200)) return;
    const reply = this.answerApi(req, body);
    this.deliver(() => sendJson(res, reply.status, reply.answer));
  }

  /** GET or HEAD /files/<id>/<name>, without a token (EXCHANGE_FORMAT.md §5); it misbehaves as /api does, failing with HTTP 500. */
  private async download(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.sinceBehaviour += 1;
    const seq = this.sinceBehaviour;
    await readBody(req);
    if (this.misbehaved(req, res, seq, 500)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return this.deliver(() => sendJson(res, 405, { error: `Phương thức ${req.method} không dùng cho tệp`, field: null }));
    }
    const m = /^\/files\/([^/]+)\/([^/]+)$/.exec(pathname);
    const name = m?.[2] === undefined ? null : decodeSegment(m[2]);
    // Looked up now, sent later in mode slow (like /api, which records at once).
    const file = m?.[1] === undefined || name === null ? null : this.portal.file(m[1], name, req.method === 'GET');
    if (!file) return this.deliver(() => sendJson(res, 404, { error: `Không có tệp ${pathname}`, field: null }));
    this.deliver(() => sendFile(res, file));
  }

  /** Modes down, error and flaky for the `seq`-th request since the behaviour was set: true if one of them took the request. */
  private misbehaved(req: http.IncomingMessage, res: http.ServerResponse, seq: number, errorStatus: number): boolean {
    const b = this.behaviour;
    if (b.mode === 'down') {
      req.socket.destroy();
      return true;
    }
    if (b.mode === 'error' || (b.mode === 'flaky' && seq % b.failEvery === 0)) {
      sendJson(res, errorStatus, { error_code: b.errorCode, message: 'Lỗi hệ thống' });
      return true;
    }
    return false;
  }

  /** Sends the answer now, or after delayMs in mode slow. */
  private deliver(send: () => void): void {
    const b = this.behaviour;
    if (b.mode !== 'slow') return send();
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      send();
    }, b.delayMs);
    this.pending.add(timer);
  }

  private answerApi(req: http.IncomingMessage, body: Body): Reply {
    const refuse = (status: number, message: string): Reply => {
      this.portal.refusedHttp(message);
      return { status, answer: { error_code: ERROR_CODES.invalid, message } };
    };
    if (req.method !== 'POST') return refuse(405, 'Chỉ chấp nhận phương thức POST');
    if (!this.authorised(req.headers.authorization)) return { status: 401, answer: { error_code: ERROR_CODES.unauthorised, message: 'Thiếu hoặc sai mã truy cập' } };
    if (body.tooLarge) return refuse(413, `Yêu cầu vượt quá ${BODY_LIMIT_BYTES} byte`);
    if (!isJsonContentType(req.headers['content-type'])) return refuse(415, 'Content-Type phải là application/json');
    const parsed = parseJson(body.bytes);
    if (!parsed.ok) return refuse(400, parsed.message);
    const validated = validateRequest(parsed.value);
    if (!validated.ok) {
      const { field } = validated.problem;
      const service = isRecord(parsed.value) && typeof parsed.value.service === 'string' ? parsed.value.service : null;
      return { status: 200, answer: this.portal.invalid(service, field, problemMessage(validated.problem), refusedDossier(parsed.value, field)) };
    }
    return { status: 200, answer: this.portal.answer(validated.value) };
  }

  private authorised(header: string | undefined): boolean {
    const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    if (given === undefined) return false;
    const bytes = Buffer.from(given, 'utf8');
    return bytes.length === this.token.length && timingSafeEqual(bytes, this.token);
  }

  private async control(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const limit = pathname === '/control/files' ? FILE_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
    const body = await readBody(req, limit);
    const route = `${req.method ?? ''} ${pathname}`;
    if (route === 'GET /control/log') return sendJson(res, 200, this.portal.log());
    if (route === 'POST /control/reset') {
      await this.endRefusal();
      this.portal.reset();
      this.setBehaviour({ mode: 'normal' });
      return sendJson(res, 200, { ok: true });
    }
    if (route !== 'POST /control/dossiers' && route !== 'POST /control/behaviour' && route !== 'POST /control/files') {
      const known = ['/control/log', '/control/reset', '/control/dossiers', '/control/behaviour', '/control/files'].includes(pathname);
      return sendJson(res, known ? 405 : 404, { error: known ? `Phương thức ${req.method} không dùng cho ${pathname}` : `Không có đường dẫn ${pathname}`, field: null });
    }
    if (body.tooLarge) return sendJson(res, 413, { error: `Yêu cầu vượt quá ${limit} byte`, field: null });
    const parsed = parseJson(body.bytes);
    if (!parsed.ok) return sendJson(res, 400, { error: parsed.message, field: null });
    if (route === 'POST /control/files') {
      const file = parseFile(parsed.value);
      if (!file.ok) return sendJson(res, 400, { error: file.error, field: file.field });
      const { id, name } = this.portal.addFile(file.file);
      // On the API port, where the province downloads what the dossier links to (not the control port, which never misbehaves).
      return sendJson(res, 200, { ok: true, id, url: `${origin(this.host, this.port)}/files/${id}/${encodeURIComponent(name)}` });
    }
    if (route === 'POST /control/dossiers') {
      if (!isRecord(parsed.value) || Object.keys(parsed.value).some((k) => k !== 'dossiers'))
        return sendJson(res, 400, { error: 'Nội dung phải là { dossiers: [...] }', field: '(body)' });
      const added = this.portal.addPortalDossiers(parsed.value.dossiers);
      return added.ok ? sendJson(res, 200, { ok: true, added: added.added }) : sendJson(res, added.status, { error: added.error, field: added.field });
    }
    const behaviour = parseBehaviour(parsed.value);
    if (!behaviour.ok) return sendJson(res, 400, { error: behaviour.error, field: behaviour.field });
    if (behaviour.behaviour.mode === 'refuse') return this.refuseFor(behaviour.behaviour.forMs, res);
    // Any other behaviour ends a refusal at once: the API port listens again before the answer.
    await this.endRefusal();
    this.setBehaviour(behaviour.behaviour);
    sendJson(res, 200, { ok: true, behaviour: behaviour.behaviour });
  }

  private setBehaviour(behaviour: ActiveBehaviour): void {
    this.behaviour = behaviour;
    this.sinceBehaviour = 0;
  }

  /** Stops listening on the API port for `forMs` (from now, also when already refusing), then listens again in normal mode. */
  private refuseFor(forMs: number, res: http.ServerResponse): void {
    this.setBehaviour({ mode: 'normal' });
    if (this.refusal) clearTimeout(this.refusal.timer);
    // close() stops accepting and drops idle keep-alive connections before the answer leaves, so a client cannot reuse
    // one of them; connections with a request in flight (this one, if it came on the API port) go once it is sent.
    const closed = this.refusal?.closed ?? closeServer(this.server);
    res.on('finish', () => this.server.closeAllConnections());
    res.setHeader('connection', 'close');
    this.refusal = {
      closed,
      timer: setTimeout(() => {
        this.endRefusal().catch((error: unknown) => {
          // Nothing to answer to: the API port stays closed, and the test waiting for it says so.
          process.stderr.write(`standin: could not listen again on port ${this.port}: ${(error as Error).message}\n`);
        });
      }, forMs),
    };
    sendJson(res, 200, { ok: true, behaviour: { mode: 'refuse', forMs } });
  }

  /** Listens on the API port again if it refuses connections. */
  private async endRefusal(): Promise<void> {
    const refusal = this.refusal;
    if (!refusal) return;
    this.refusal = null;
    clearTimeout(refusal.timer);
    await refusal.closed;
    if (!this.stopped) await listen(this.server, this.port, this.host);
  }
}

/** http://host:port, with an IPv6 host in brackets. */
const origin = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Stops a server accepting connections; resolves once its connections are gone (idle ones are dropped now, all if `dropAll`). */
const closeServer = (server: http.Server, dropAll = false) =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    if (dropAll) server.closeAllConnections();
  });

/** Starts a stand-in national portal on `host:port` (127.0.0.1, free ports by default). */
export async function startStandin(options: StandinOptions): Promise<StandinHandle> {
  if (!/^\S+$/.test(options.token)) throw new Error('the stand-in needs a token without spaces');
  const host = options.host ?? '127.0.0.1';
  const standin = new Standin(options.token, host);
  await standin.start(options.port ?? 0, options.controlPort ?? 0);
  return { port: standin.port, url: origin(host, standin.port), controlPort: standin.controlPort, controlUrl: origin(host, standin.controlPort), close: () => standin.close() };
}

// ---------------------------------------------------------------------------------------------------------------------
// As a process.

const USAGE = 'usage: node --import tsx standin-server.ts --port <port> --token <token> [--host <host>] [--control-port <port>]';

interface CliArgs {
  port: number;
  controlPort: number;
  token: string;
  host: string;
}

function portArg(value: string): number | null {
  const port = Number(value);
  return /^\d+$/.test(value) && port <= 65535 ? port : null;
}

function parseArgs(argv: readonly string[]): CliArgs | string {
  const args: Partial<CliArgs> = { host: '127.0.0.1', controlPort: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (value === undefined) return `${name} needs a value`;
    if (name === '--port' || name === '--control-port') {
      const port = portArg(value);
      if (port === null) return `${name} must be 0–65535, not ${value}`;
      if (name === '--port') args.port = port;
      else args.controlPort = port;
    } else if (name === '--token') args.token = value;
    else if (name === '--host') args.host = value;
    else return `unknown argument ${name}`;
  }
  if (args.port === undefined) return '--port is required';
  if (args.token === undefined) return '--token is required';
  return args as CliArgs;
}

/** The message a stand-in started with an IPC channel sends its parent once it listens. */
export interface StandinReadyMessage {
  standin: 'ready';
  port: number;
  controlPort: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`standin: ${args}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const standin = await startStandin(args);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    standin.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`standin: close failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.send) {
    // Started by standin-client.ts: it learns the control port here, and when it goes away (even killed), so do we.
    process.on('disconnect', stop);
    const ready: StandinReadyMessage = { standin: 'ready', port: standin.port, controlPort: standin.controlPort };
    process.send(ready);
  }
  process.stdout.write(`standin ready ${standin.port}\n`);
}

const isEntryPoint = () => {
  const entry = process.argv[1];
  return entry !== undefined && existsSync(entry) && realpathSync(path.resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
};

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    process.stderr.write(`standin: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
