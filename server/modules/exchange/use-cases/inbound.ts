// Dossiers citizens submitted on the national public-service portal, picked up into the desks' queues (issue 13 item 4;
// domain README §15.1: LayDanhSachHoSoMoi, XacNhanDaNhanHoSo). Each is read, checked against the province's catalogue
// and desks, its files downloaded and checked like an upload, and handed to the submissions module as an application
// awaiting the desk; only then is the pickup acknowledged, so a crash or an outage at any step loses nothing: the
// portal keeps listing what was not acknowledged, and the national code makes taking it again harmless.
import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { receiveStream, type ReceivedFile } from '../../../platform/files';
import { parseCompactVnTime } from '../../../platform/calendar';
import { checkNationalApplication, NATIONAL_FILE_KEY_PREFIX, openDeskCodes, receiveNationalApplication, type NationalApplicationInput } from '../../submissions';
import { callNational, NationalUnreachable } from '../exchange.client';
import { exchangeInbound, type InboundProblem } from '../exchange.tables';
import type { ExchangeRuntime } from './runtime';

/** Who the desk's timeline names as the submitter's channel. */
const PORTAL_LABEL = 'Cổng Dịch vụ công quốc gia';
/** The national code rule (EXCHANGE_FORMAT.md §3.1 MaHoSo): what we key a dossier by must at least be one. */
const NATIONAL_CODE = /^[\x21-\x7e]{1,50}$/;
/** The leading national procedure code of MaTTHC (a variant suffix such as ".000.00.00.H56" follows it). */
const PROCEDURE_CODE = /^(\d\.\d{6})(?:\.[0-9A-Z]{1,4})*$/;

type InboundRow = typeof exchangeInbound.$inferSelect;
type Raw = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The application the dossier describes, in the province's terms, or what in it cannot be read (never guessed). */
export function readNationalDossier(raw: Raw, deskCode: string): { input: NationalApplicationInput; problems: InboundProblem[] } {
  const problems: InboundProblem[] = [];
  const procedure = PROCEDURE_CODE.exec(text(raw.MaTTHC) ?? '');
  if (!procedure) problems.push({ path: 'MaTTHC', code: 'exchange.errors.fieldUnreadable', params: { field: 'MaTTHC' } });
  const submittedAt = parseCompactVnTime(text(raw.NgayNopHoSo) ?? '');
  if (!submittedAt) problems.push({ path: 'NgayNopHoSo', code: 'exchange.errors.fieldUnreadable', params: { field: 'NgayNopHoSo' } });
  const ids = Array.isArray(raw.DinhDanhCHS) ? (raw.DinhDanhCHS as Raw[]) : [];
  // The 12-digit personal number when there is one (LoaiDinhDanh 1), else the first identifier, else the paper number.
  const idNumber = text(ids.find((i) => i.LoaiDinhDanh === '1')?.SoDinhDanh) ?? text(ids[0]?.SoDinhDanh) ?? text(raw.SoGiayToChuHoSo);
  const kind = raw.LoaiDoiTuong === '1' ? 'person' : 'organisation';
  const deliveryCode = text(raw.HinhThuc);
  if (deliveryCode !== '0' && deliveryCode !== '1') problems.push({ path: 'HinhThuc', code: 'exchange.errors.fieldUnreadable', params: { field: 'HinhThuc' } });
  return {
    input: {
      nationalCode: text(raw.MaHoSo) ?? '',
      procedureCode: procedure?.[1] ?? '',
      deskCode: text(raw.MaDonViTiepNhan) ?? deskCode,
      applicant: { kind, name: text(raw.ChuHoSo) ?? '', idNumber: idNumber ?? '', phone: text(raw.SoDienThoai), email: text(raw.Email), address: null },
      submittedAt: submittedAt ?? new Date(0),
      // HinhThuc: 0 collected at the counter, 1 sent by post (EXCHANGE_FORMAT.md §2).
      resultDelivery: deliveryCode === '1' ? 'post' : 'desk',
    },
    problems,
  };
}

/** A file the province refuses for good (type, size, empty): the dossier is unreadable, not to be retried as it is. */
class FileRefused extends Error {
  constructor(
    readonly problem: InboundProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Downloads the dossier's submitted files (TaiLieuNop, those not deleted), each checked like an upload. */
async function downloadFiles(runtime: ExchangeRuntime, raw: Raw): Promise<Array<{ requirementKey: string; received: ReceivedFile }>> {
  const items = (Array.isArray(raw.TaiLieuNop) ? (raw.TaiLieuNop as Raw[]) : []).filter((f) => f.IsDeleted !== '1');
  const out: Array<{ requirementKey: string; received: ReceivedFile }> = [];
  try {
    for (const [i, item] of items.entries()) {
      const path = `TaiLieuNop[${i}]`;
      const name = text(item.TenTepDinhKem) ?? `tep-${i + 1}`;
      let url: URL;
      try {
        url = new URL(text(item.DuongDanTaiTepTin) ?? '');
      } catch {
        throw new FileRefused({ path, code: 'exchange.errors.fileAddress', params: { name } }, `${path}: not an address`);
      }
      if (!/^https?:$/.test(url.protocol) || !runtime.config.fileHosts.includes(url.host.toLowerCase())) {
        throw new FileRefused({ path, code: 'exchange.errors.fileHost', params: { name, host: url.host } }, `${path}: host ${url.host} is not allowed`);
      }
      let res: Response;
      try {
        res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(Math.max(runtime.config.timeoutMs, 30_000)) });
      } catch (err) {
        throw new NationalUnreachable(`${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      if (!res.ok || !res.body) throw new NationalUnreachable(`${path}: HTTP ${res.status}`);
      try {
        const received = await receiveStream(runtime.files, res.body as unknown as AsyncIterable<Uint8Array>, { name, maxFileBytes: runtime.maxFileBytes });
        // The national document code when given (the catalogue does not hold national codes: the desk sees these apart).
        out.push({ requirementKey: `${NATIONAL_FILE_KEY_PREFIX}${text(item.MaThanhPhanHoSo) ?? String(i + 1)}`, received });
      } catch (err) {
        if (err instanceof AppError) throw new FileRefused({ path, code: `errors.${err.code}`, params: { ...stringParams(err.params), name } }, `${path}: ${err.code}`);
        throw new NationalUnreachable(`${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }
  } catch (err) {
    await Promise.allSettled(out.map((f) => runtime.files.delete(f.received.storeKey)));
    throw err;
  }
  return out;
}

function stringParams(params: Record<string, unknown> | undefined): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
}

async function saveRow(ctx: Ctx, code: string, deskCode: string, raw: Raw, patch: Partial<InboundRow>): Promise<InboundRow> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(exchangeInbound)
    .values({ nationalCode: code, deskCode, payload: raw, state: patch.state ?? 'failed', firstSeenAt: now, updatedAt: now, ...patch })
    .onConflictDoUpdate({ target: exchangeInbound.nationalCode, set: { ...patch, updatedAt: now } })
    .returning();
  return row!;
}

/** Tells the portal the province has the dossier (so it stops listing it); true when it took note. */
async function acknowledge(ctx: Ctx, runtime: ExchangeRuntime, row: InboundRow): Promise<boolean> {
  const answer = await callNational(runtime.config, 'XacNhanDaNhanHoSo', { MaHoSo: row.nationalCode, MaHoSoTinh: row.submissionReference });
  if (answer.error_code !== '0' && answer.error_code !== '-3') {
    ctx.log.warn({ nationalCode: row.nationalCode, answer }, 'exchange: the national portal refused the acknowledgement; retried at the next pickup');
    return false;
  }
  await ctx.db.update(exchangeInbound).set({ acknowledgedAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(exchangeInbound.id, row.id));
  return true;
}

/** What one dossier came to. */
type Outcome = 'received' | 'acknowledged' | 'unreadable' | 'failed' | 'skipped';

async function takeDossier(ctx: Ctx, runtime: ExchangeRuntime, deskCode: string, raw: Raw, known: Map<string, InboundRow>): Promise<Outcome> {
  const code = text(raw.MaHoSo);
  if (!code || !NATIONAL_CODE.test(code)) {
    ctx.log.warn({ deskCode, MaHoSo: raw.MaHoSo }, 'exchange: a national dossier without a usable MaHoSo was left on the portal');
    return 'skipped';
  }
  const seen = known.get(code);
  // Taken before, its acknowledgement lost or refused: acknowledge again.
  if (seen?.state === 'received') return (await acknowledge(ctx, runtime, seen)) ? 'acknowledged' : 'failed';
  // Waiting for an administrator (the catalogue or a desk to be put right, then a retry).
  if (seen?.state === 'unreadable') return 'skipped';
  const { input, problems } = readNationalDossier(raw, deskCode);
  const checked = problems.length > 0 ? ({ ok: false, problems } as const) : await checkNationalApplication(ctx, input);
  if (!checked.ok) {
    await saveRow(ctx, code, deskCode, raw, { state: 'unreadable', problems: checked.problems, lastError: null });
    ctx.log.warn({ nationalCode: code, problems: checked.problems }, 'exchange: a national dossier cannot be taken as it is; left on the portal');
    return 'unreadable';
  }
  let files: Array<{ requirementKey: string; received: ReceivedFile }>;
  try {
    files = await downloadFiles(runtime, raw);
  } catch (err) {
    if (err instanceof FileRefused) {
      await saveRow(ctx, code, deskCode, raw, { state: 'unreadable', problems: [err.problem], lastError: err.message });
      return 'unreadable';
    }
    await saveRow(ctx, code, deskCode, raw, { state: 'failed', lastError: (err instanceof Error ? err.message : String(err)).slice(0, 1000), attempts: (seen?.attempts ?? 0) + 1 });
    return 'failed';
  }
  let result: Awaited<ReturnType<typeof receiveNationalApplication>>;
  try {
    result = await receiveNationalApplication(ctx, input, checked, files, PORTAL_LABEL);
  } catch (err) {
    await Promise.allSettled(files.map((f) => runtime.files.delete(f.received.storeKey)));
    throw err;
  }
  // Taken already (an earlier run stopped before its row was written): these copies are not needed.
  if (!result.created) await Promise.allSettled(files.map((f) => runtime.files.delete(f.received.storeKey)));
  const row = await saveRow(ctx, code, deskCode, raw, {
    state: 'received',
    problems: null,
    lastError: null,
    submissionId: result.submission.id,
    submissionReference: result.submission.reference,
  });
  await acknowledge(ctx, runtime, row);
  return 'received';
}

/**
 * One pickup: every open desk's new national dossiers (LayDanhSachHoSoMoi with the desk's code), each taken into the
 * desk's queue and acknowledged. Stops at the first call the portal does not answer (it is down: the next run goes on).
 */
export async function pullInbound(ctx: Ctx, runtime: ExchangeRuntime): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { received: 0, acknowledged: 0, unreadable: 0, failed: 0, skipped: 0 };
  for (const deskCode of await openDeskCodes(ctx)) {
    let answer;
    try {
      answer = await callNational(runtime.config, 'LayDanhSachHoSoMoi', { MaDonVi: deskCode });
    } catch (err) {
      if (err instanceof NationalUnreachable) {
        ctx.log.warn({ deskCode, reason: err.message }, 'exchange: the national portal did not answer the pickup; next run');
        break;
      }
      throw err;
    }
    if (answer.error_code !== '0' || !Array.isArray(answer.data)) {
      ctx.log.warn({ deskCode, answer: { error_code: answer.error_code, message: answer.message } }, 'exchange: the national portal refused the pickup');
      continue;
    }
    const dossiers = (answer.data as unknown[]).filter((d): d is Raw => typeof d === 'object' && d !== null && !Array.isArray(d));
    const codes = dossiers.map((d) => text(d.MaHoSo)).filter((c): c is string => c !== null);
    const known = new Map(
      codes.length === 0 ? [] : (await ctx.db.select().from(exchangeInbound).where(inArray(exchangeInbound.nationalCode, codes))).map((r) => [r.nationalCode, r] as const),
    );
    for (const raw of dossiers) {
      try {
        counts[await takeDossier(ctx, runtime, deskCode, raw, known)] += 1;
      } catch (err) {
        if (!(err instanceof NationalUnreachable)) throw err;
        counts.failed += 1;
        ctx.log.warn({ deskCode, reason: err.message }, 'exchange: the national portal stopped answering during the pickup; next run');
        return counts;
      }
    }
  }
  return counts;
}
