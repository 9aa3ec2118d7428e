// Issue 13 item 4, "Done when": a dossier arrives from the stand-in national portal, is processed through the workflow,
// and every status reaches the stand-in in order exactly once although the stand-in was down for part of the run. Also:
// what the province cannot take is reported and left on the portal, a lost acknowledgement or a crash between steps
// takes nothing twice, and a desk's refusal reaches the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { DeskQueueResponse, SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import type { ExchangeInbound, ExchangeReconciliations } from '../../../contracts/exchange/exchange.contracts';
import { DESK_AND_UNIT_WORKFLOW, DOSSIER_TEST_ENV, createDossierWorld, personId, publishProcedure, step, type DossierWorld } from '../dossiers/test/factories';
import { pdf } from '../../platform/files/test/fixtures';
import { exchangeConfigOf, exchangeRuntimeOf, feedOutbox, previousVnDay, pullInbound, pushOutbox, reconcileExchange } from '.';
import { exchangeInbound } from './exchange.tables';
import { spawnStandin, type Standin } from './standin/standin-client';
import type { DvcqgPortalDossier } from './standin/standin-format';

let standin: Standin;
let t: TestApp;
let w: DossierWorld;
let procedureCode: string;
let seq = 0;

beforeAll(async () => {
  standin = await spawnStandin();
  t = await createTestApp({
    env: { ...DOSSIER_TEST_ENV, DVCQG_URL: `${standin.url}/api`, DVCQG_TOKEN: standin.token, DVCQG_AGENCY_CODE: 'H56', DVCQG_TIMEOUT_MS: '800' },
  });
  w = await createDossierWorld(t);
  // The portal names desks by their national agency code (QĐ 20/2020): give the world's two centres such codes.
  const group = () => 100 + Math.floor(Math.random() * 900);
  for (const unit of [w.centre, w.otherCentre]) {
    unit.code = `H56.${group()}.${group()}.${group()}`;
    await t.database.db.execute(sql`update identity_org_units set code = ${unit.code} where id = ${unit.id}`);
  }
  procedureCode = await publishProcedure(t, [w.dept.id], {
    workflow: DESK_AND_UNIT_WORKFLOW,
    onlineMode: 'full',
    code: `1.${String((Date.now() + 7) % 1_000_000).padStart(6, '0')}`,
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await standin?.stop();
});

const ctx = () => t.systemCtx();
const runtime = () => exchangeRuntimeOf(ctx().events)!;

/** A dossier a citizen submitted on the national portal to the world's desk, with one hosted file. */
async function portalDossier(over: Record<string, unknown> = {}): Promise<DvcqgPortalDossier> {
  seq += 1;
  const file = await standin.control.addFile({ name: 'To khai.pdf', mediaType: 'application/pdf', content: pdf() });
  const id = personId();
  return {
    MaHoSo: `G22.${Date.now() % 1_000_000}.${seq}`,
    MaTTHC: `${procedureCode}.000.00.00.H56`,
    TenTTHC: 'Thủ tục thử nghiệm',
    KenhThucHien: '2',
    ChuHoSo: 'Nguyễn Thị Hoa',
    SoGiayToChuHoSo: id,
    LoaiDoiTuong: '1',
    MaDoiTuong: 'dvcqg-0042',
    Email: 'hoa.nguyen@example.vn',
    SoDienThoai: '0912345678',
    TrichYeuHoSo: 'Đề nghị giải quyết thủ tục thử nghiệm',
    NgayNopHoSo: '20260302201500',
    TrangThaiHoSo: '1',
    HinhThuc: '0',
    DonViXuLy: w.dept.name,
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: id }],
    TaiLieuNop: [{ TepDinhKemId: `f-${seq}`, TenTepDinhKem: 'To khai.pdf', MaThanhPhanHoSo: 'TP1', DuongDanTaiTepTin: file.url }],
    MaDonViTiepNhan: w.centre.code,
    ...over,
  };
}

/** One run of the push job, after the feed's lag has passed. */
async function sync() {
  t.clock.advance(11_000);
  await feedOutbox(ctx());
  return pushOutbox(ctx(), exchangeConfigOf(ctx().events)!);
}

const queue = async () => (await w.agents.reception.get('/api/v1/submissions/desk/queue?pageSize=100')).json<DeskQueueResponse>();
const inboundRow = async (code: string) => (await t.database.db.select().from(exchangeInbound).where(eq(exchangeInbound.nationalCode, code)))[0];

describe('dossiers submitted on the national portal', () => {
  it('arrive in the desk queue, go through the workflow, and every status reaches the portal in order exactly once although it was down', async () => {
    t.clock.set('2026-03-03T01:30:00Z');
    const submitted = await portalDossier();
    await standin.control.addDossiers([submitted]);

    // The portal is down at the first pickup: nothing is taken, nothing is lost.
    await standin.control.behaviour({ mode: 'refuse', forMs: 60_000 });
    expect((await pullInbound(ctx(), runtime())).received).toBe(0);
    expect(await inboundRow(submitted.MaHoSo)).toBeUndefined();
    await standin.control.behaviour({ mode: 'normal' });

    const pulled = await pullInbound(ctx(), runtime());
    expect(pulled.received).toBe(1);
    const log0 = await standin.control.log();
    expect(log0.acknowledged).toContain(submitted.MaHoSo);
    const row = (await inboundRow(submitted.MaHoSo))!;
    expect(row).toMatchObject({ state: 'received', problems: null });
    expect(log0.dossiers[submitted.MaHoSo]!.maHoSoTinh).toBe(row.submissionReference);

    // In the desk's queue, with the applicant as the portal gave it and the downloaded file, checked like an upload.
    const item = (await queue()).items.find((i) => i.id === row.submissionId);
    expect(item, 'in the desk queue').toBeDefined();
    const detail = (await w.agents.reception.get(`/api/v1/submissions/desk/${row.submissionId}`)).json<SubmissionDetail>();
    expect(detail).toMatchObject({ state: 'SUBMITTED', origin: 'national', nationalCode: submitted.MaHoSo, applicant: { name: 'Nguyễn Thị Hoa', phone: '0912345678' } });
    expect(detail.otherFiles).toHaveLength(1);
    expect(detail.otherFiles[0]).toMatchObject({ mediaType: 'application/pdf', requirementKey: 'dvcqg:TP1' });
    const file = await w.agents.reception.get(detail.otherFiles[0]!.url);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, pdf())).toBe(0);

    // A second pickup finds nothing new (acknowledged), and a repeated hand-out of the same code takes nothing twice.
    expect(await pullInbound(ctx(), runtime())).toMatchObject({ received: 0, failed: 0 });

    // A guide cannot be sent back to the national portal: the desk receives or refuses.
    const guide = await w.agents.reception.post(`/api/v1/submissions/desk/${detail.id}/decision`, {
      version: detail.version,
      decision: 'guide',
      missingItems: ['Tờ khai'],
      reasons: 'Thiếu tờ khai',
    });
    expect(guide.statusCode).toBe(409);
    expect(guide.json().error.code).toBe('SUBMISSION_NATIONAL_NO_GUIDE');

    const accepted = await w.agents.reception.post(`/api/v1/submissions/desk/${detail.id}/decision`, { version: detail.version, decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const dossierId = accepted.json<SubmissionDetail>().dossier!.id;
    let d = (await w.agents.reception.get(`/api/v1/dossiers/${dossierId}`)).json<DossierDetail>();
    expect(d.channel).toBe('online');
    expect((await sync()).sent).toBe(1);

    // Down (connections cut) while the dossier moves on: the changes wait in order, then all go.
    await standin.control.behaviour({ mode: 'down' });
    d = await step(w.agents.reception, d, { transition: 'forward' });
    expect((await sync()).failed).toBe(1);
    d = await step(w.agents.specialist, d, { transition: 'forward' });
    t.clock.advance(30_000);
    expect((await sync()).failed).toBe(1);
    await standin.control.behaviour({ mode: 'normal' });
    t.clock.advance(60_000);
    expect((await sync()).sent).toBe(2);
    // Answers lost (too slow): the retry finds them recorded.
    await standin.control.behaviour({ mode: 'slow', delayMs: 2_000 });
    d = await step(w.agents.leader, d, { transition: 'approve' });
    expect((await sync()).failed).toBe(1);
    await standin.control.behaviour({ mode: 'normal' });
    t.clock.advance(60_000);
    expect((await sync()).sent).toBe(1);
    d = await step(w.agents.reception, d, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Thị Hoa' });
    await sync();

    const statuses = (
      await t.database.db.execute<{ status_code: number }>(sql`select status_code from dossiers_events where dossier_id = ${d.id} and public order by id`)
    ).rows.map((r) => Number(r.status_code));
    expect(statuses.at(-1)).toBe(10);
    const log = await standin.control.log();
    const there = log.dossiers[submitted.MaHoSo]!;
    // Named by the portal's own code, never created again, every progress entry once and in order.
    expect(there.origin).toBe('portal');
    expect(log.dossiers[d.code]).toBeUndefined();
    expect(there.progress.map((p) => p.TrangThai)).toEqual(statuses);
    expect(there.statuses.at(-1)).toBe(10);
    expect([...there.statuses].sort((a, b) => a - b)).toEqual(there.statuses);
    expect(log.rejected.filter((r) => r.maHoSo === submitted.MaHoSo)).toEqual([]);
  }, 90_000);

  it('reports what it cannot take, leaves it on the portal, and takes it once the catalogue is put right', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const missingCode = `1.${String((Date.now() + 13) % 1_000_000).padStart(6, '0')}`;
    const unknownProcedure = await portalDossier({ MaTTHC: missingCode });
    const notAnEnterprise = await portalDossier({ MaDonViTiepNhan: w.otherCentre.code, LoaiDoiTuong: '2' });
    await standin.control.addDossiers([unknownProcedure, notAnEnterprise]);
    await pullInbound(ctx(), runtime());
    const a = (await inboundRow(unknownProcedure.MaHoSo))!;
    expect(a.state).toBe('unreadable');
    expect(a.problems).toEqual([{ path: 'MaTTHC', code: 'submissions.errors.nationalProcedureUnknown', params: { code: missingCode } }]);
    expect((await standin.control.log()).acknowledged).not.toContain(unknownProcedure.MaHoSo);
    // Not read again on its own (nothing changed), though the portal still lists it.
    t.clock.advance(60_000);
    await pullInbound(ctx(), runtime());
    expect((await inboundRow(unknownProcedure.MaHoSo))!.updatedAt).toEqual(a.updatedAt);

    // An enterprise (LoaiDoiTuong 2) identified by a personal number: the desk's rule refuses the identifier.
    const b = (await inboundRow(notAnEnterprise.MaHoSo))!;
    expect(b.state).toBe('unreadable');
    expect(b.problems!.map((p) => p.path)).toContain('applicant.idNumber');

    // The administrator sees why, in Vietnamese; only administrators do.
    const list = (await w.agents.admin.get(`/api/v1/exchange/inbound?state=unreadable&code=${encodeURIComponent(unknownProcedure.MaHoSo)}`)).json<ExchangeInbound>();
    expect(list.items[0]).toMatchObject({ state: 'unreadable', applicantName: 'Nguyễn Thị Hoa', submissionId: null });
    expect(list.items[0]!.problems[0]!.message).toContain(missingCode);
    expect((await w.agents.reception.get('/api/v1/exchange/inbound')).statusCode).toBe(403);

    // The procedure is published; a retry takes the dossier at the next pickup, into the desk queue, acknowledged.
    await publishProcedure(t, [w.dept.id], { onlineMode: 'full', code: missingCode });
    expect((await w.agents.reception.post(`/api/v1/exchange/inbound/${a.id}/retry`, {})).statusCode).toBe(403);
    const retried = await w.agents.admin.post(`/api/v1/exchange/inbound/${a.id}/retry`, {});
    expect(retried.statusCode, retried.body).toBe(200);
    await pullInbound(ctx(), runtime());
    const taken = (await inboundRow(unknownProcedure.MaHoSo))!;
    expect(taken).toMatchObject({ state: 'received', problems: null });
    expect((await queue()).items.some((i) => i.id === taken.submissionId && i.origin === 'national')).toBe(true);
    expect((await standin.control.log()).acknowledged).toContain(unknownProcedure.MaHoSo);
    expect((await w.agents.admin.post(`/api/v1/exchange/inbound/${a.id}/retry`, {})).statusCode).toBe(409);
  });

  it('a lost acknowledgement is sent again, and a file that will not download is retried, never taken twice', async () => {
    t.clock.set('2026-03-04T06:00:00Z');
    const submitted = await portalDossier();
    await standin.control.addDossiers([submitted]);
    // The file host fails every other request: the first pickup reads the list, then the download fails.
    await standin.control.behaviour({ mode: 'flaky', failEvery: 2 });
    await pullInbound(ctx(), runtime());
    await standin.control.behaviour({ mode: 'normal' });
    const first = (await inboundRow(submitted.MaHoSo))!;
    expect(first.state).toBe('failed');
    expect(first.lastError).toMatch(/TaiLieuNop\[0\]/);
    // Taken at the next pickup; the application exists once whatever happened before.
    await pullInbound(ctx(), runtime());
    const taken = (await inboundRow(submitted.MaHoSo))!;
    expect(taken.state).toBe('received');
    // The acknowledgement's answer is lost (too slow): acknowledged again at the next pickup, nothing taken twice.
    const again = await portalDossier();
    await standin.control.addDossiers([again]);
    await standin.control.behaviour({ mode: 'slow', delayMs: 1_500 });
    await pullInbound(ctx(), runtime());
    await standin.control.behaviour({ mode: 'normal' });
    await pullInbound(ctx(), runtime());
    const rows = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from submissions where national_code in (${submitted.MaHoSo}, ${again.MaHoSo})`);
    expect(rows.rows[0]!.n).toBe(2);
    expect((await inboundRow(again.MaHoSo))!.acknowledgedAt).not.toBeNull();
    expect((await standin.control.log()).acknowledged).toEqual(expect.arrayContaining([submitted.MaHoSo, again.MaHoSo]));
  });

  it("a desk's refusal reaches the portal as status 3 with its reasons", async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const submitted = await portalDossier();
    await standin.control.addDossiers([submitted]);
    await pullInbound(ctx(), runtime());
    const row = (await inboundRow(submitted.MaHoSo))!;
    const detail = (await w.agents.reception.get(`/api/v1/submissions/desk/${row.submissionId}`)).json<SubmissionDetail>();
    const refused = await w.agents.reception.post(`/api/v1/submissions/desk/${detail.id}/decision`, {
      version: detail.version,
      decision: 'refuse',
      missingItems: [],
      reasons: 'Thủ tục không thuộc thẩm quyền của tỉnh',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await sync()).sent).toBe(1);
    const there = (await standin.control.log()).dossiers[submitted.MaHoSo]!;
    // Recorded by DongBoHoSoMC once: from submitted (1, the portal's own) to refused.
    expect(there.statuses).toEqual([3]);
    expect(there.progress).toEqual([expect.objectContaining({ TrangThai: 3, NoiDungXuLy: expect.stringContaining('không thuộc thẩm quyền') })]);
  });
});

describe('the daily reconciliation', () => {
  it('finds what the portal lost, sends it again, and runs once per day', async () => {
    t.clock.set('2026-03-09T02:00:00Z');
    const submitted = await portalDossier();
    await standin.control.addDossiers([submitted]);
    await pullInbound(ctx(), runtime());
    const row = (await inboundRow(submitted.MaHoSo))!;
    const detail = (await w.agents.reception.get(`/api/v1/submissions/desk/${row.submissionId}`)).json<SubmissionDetail>();
    const accepted = (await w.agents.reception.post(`/api/v1/submissions/desk/${detail.id}/decision`, { version: detail.version, decision: 'accept' })).json<SubmissionDetail>();
    let d = (await w.agents.reception.get(`/api/v1/dossiers/${accepted.dossier!.id}`)).json<DossierDetail>();
    d = await step(w.agents.reception, d, { transition: 'forward' });
    await sync();
    expect((await standin.control.log()).dossiers[submitted.MaHoSo]!.progress).toHaveLength(2);

    // The next day nothing is amiss: checked, no mismatch.
    t.clock.set('2026-03-10T01:00:00Z');
    expect(previousVnDay(t.clock.now())).toBe('2026-03-09');
    const clean = (await reconcileExchange(ctx(), runtime()))!;
    expect(clean).toMatchObject({ day: '2026-03-09', state: 'done', mismatches: 0, requeued: 0 });
    expect(clean.dossiersChecked).toBeGreaterThanOrEqual(1);
    // Once per day: a second run (another process, a restart) does nothing.
    expect(await reconcileExchange(ctx(), runtime())).toBeNull();

    // The portal loses everything (a restore from an old backup): the day's reconciliation finds it and sends it again.
    await step(w.agents.specialist, d, { transition: 'forward' });
    await sync();
    await standin.control.reset();
    t.clock.set('2026-03-11T01:00:00Z');
    const found = (await reconcileExchange(ctx(), runtime()))!;
    expect(found).toMatchObject({ day: '2026-03-10', state: 'done', mismatches: 1 });
    expect(found.findings).toEqual([expect.objectContaining({ code: submitted.MaHoSo, kind: 'missing' })]);
    expect(found.requeued).toBe(3);
    await sync();
    const back = (await standin.control.log()).dossiers[submitted.MaHoSo]!;
    expect(back.progress.map((p) => p.TrangThai)).toEqual([2, 4, 4]);
    expect(back.statuses.at(-1)).toBe(4);

    // The portal does not answer: the day is marked failed with the reason and taken again at the next run.
    t.clock.set('2026-03-12T01:00:00Z');
    await standin.control.behaviour({ mode: 'error', errorCode: '99' });
    expect(await reconcileExchange(ctx(), runtime())).toMatchObject({ day: '2026-03-11', state: 'failed', error: expect.stringContaining('99') });
    await standin.control.behaviour({ mode: 'normal' });
    expect(await reconcileExchange(ctx(), runtime())).toMatchObject({ day: '2026-03-11', state: 'done' });
    const list = (await w.agents.admin.get('/api/v1/exchange/reconciliations')).json<ExchangeReconciliations>();
    expect(list.items.slice(0, 3).map((r) => r.day)).toEqual(['2026-03-11', '2026-03-10', '2026-03-09']);
    expect((await w.agents.reception.get('/api/v1/exchange/reconciliations')).statusCode).toBe(403);
  });
});
