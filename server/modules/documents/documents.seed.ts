// Demo registers (issue 15), made through the module's own use cases as the clerk, the leader and the specialist would
// make them, each at its moment (a clock fixed on it): settings for the province (UBND), its office (VP), Sở Tư pháp
// (STP, with a series for decisions) and its division, Phường Hạc Thành (UBND); three incoming documents at Sở Tư pháp
// (awaiting assignment, assigned to chuyenvien.stp with a deadline, done) and one outgoing document issued by Sở Tư pháp
// to Phường Hạc Thành, which then shows an internal arrival. Senders and numbers are fictitious.
import { eq } from 'drizzle-orm';
import { CalendarError, vnDateOf, vnInstant } from '../../platform/calendar';
import type { Ctx } from '../../platform/context/context';
import { getOrgUnitByCode, identityUsers } from '../identity';
import type { DocumentSeries, RegisterIncomingRequest } from '../../../contracts/documents/documents.contracts';
import { findSettings, hasAnyOutgoing } from './documents.repository';
import { assignIncoming, closeIncoming, registerIncoming } from './use-cases/incoming';
import { createOutgoing, issueOutgoing, signOutgoing, submitOutgoing } from './use-cases/outgoing';
import { saveSettings } from './use-cases/settings';

const DAY_MS = 86_400_000;
/** The demo units (identity demo-org.ts). */
const UNITS = { province: 'H56', vp: 'H56.01', stp: 'H56.03', hctp: 'H56.03.01', hacThanh: 'H56.101' } as const;

/** The day `offset` days from now (Vietnamese date) at `time`. */
function dayAt(ctx: Ctx, offset: number, time: string): Date {
  return vnInstant(vnDateOf(new Date(ctx.clock.now().getTime() + offset * DAY_MS)), time);
}
/** `ctx` with its clock fixed on `at`. */
const on = (ctx: Ctx, at: Date): Ctx => ({ ...ctx, clock: { now: () => at } });
const chung: DocumentSeries = { key: 'chung', name: 'Chung', typeCodes: [] };

/** Loads the demo registers when there are none; a demo whose calendar does not cover the dates keeps none (logged). */
export async function seedDocumentsDemo(ctx: Ctx): Promise<void> {
  if (await hasAnyOutgoing(ctx.db)) return;
  const units = await Promise.all(Object.values(UNITS).map((code) => getOrgUnitByCode(ctx.db, code)));
  if (units.some((u) => !u)) return;
  const [province, vp, stp, hctp, ward] = units.map((u) => u!);
  const [specialist] = await ctx.db.select({ id: identityUsers.id }).from(identityUsers).where(eq(identityUsers.username, 'chuyenvien.stp')).limit(1);
  const settings: Array<[string, string, DocumentSeries[]]> = [
    [province!.id, 'UBND', [chung, { key: 'qd', name: 'Quyết định', typeCodes: ['QD'] }]],
    [vp!.id, 'VP', [chung]],
    [stp!.id, 'STP', [chung, { key: 'qd', name: 'Quyết định', typeCodes: ['QD'] }]],
    [hctp!.id, 'HCTP', [chung]],
    [ward!.id, 'UBND', [chung]],
  ];
  for (const [unitId, issuerAbbreviation, series] of settings) {
    // Settings saved by an earlier run (or an administrator) are kept.
    if (!(await findSettings(ctx.db, unitId))) await saveSettings(on(ctx, dayAt(ctx, -30, '08:00')), unitId, { issuerAbbreviation, series, version: 0 });
  }
  try {
    await incomingAtStp(ctx, stp!.id, hctp!.id, specialist?.id ?? null);
    await outgoingToWard(ctx, stp!.id, hctp!.id, ward!.id);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    ctx.log.warn({ err }, 'documents demo data skipped: the working calendar does not cover its dates');
  }
}

function incoming(unitId: string, issuedOn: string, fields: Partial<RegisterIncomingRequest>): RegisterIncomingRequest {
  return {
    unitId,
    receivedVia: 'electronic',
    senderName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
    senderCode: 'H56',
    numberSymbol: '1250/UBND-VP',
    issuedOn,
    typeCode: 'CV',
    subject: 'Về việc triển khai văn bản',
    urgency: 'normal',
    confidentiality: 'normal',
    ...fields,
  };
}

async function incomingAtStp(ctx: Ctx, stpId: string, hctpId: string, specialistId: string | null): Promise<void> {
  // Done: received three weeks ago, assigned to the division, answered within its deadline.
  const doneAt = dayAt(ctx, -21, '08:15');
  let done = await registerIncoming(
    on(ctx, doneAt),
    incoming(stpId, vnDateOf(dayAt(ctx, -22, '08:00')), {
      numberSymbol: '215/BTP-HCTP',
      senderName: 'Bộ Tư pháp',
      senderCode: 'G04',
      subject: 'Về việc báo cáo tình hình cấp phiếu lý lịch tư pháp trực tuyến năm 2026',
    }),
  );
  done = await assignIncoming(on(ctx, dayAt(ctx, -21, '10:00')), done.id, {
    version: done.version,
    leadUnitId: hctpId,
    partnerUnitIds: [],
    handlingDays: 5,
    instruction: 'Phòng Hành chính tư pháp tổng hợp số liệu, dự thảo báo cáo.',
  });
  await closeIncoming(on(ctx, dayAt(ctx, -17, '15:30')), done.id, { version: done.version, outcome: 'done', text: 'Đã gửi báo cáo số liệu quý cho Bộ Tư pháp.' });

  // Assigned to chuyenvien.stp with a deadline of ten working days.
  const assigned = await registerIncoming(
    on(ctx, dayAt(ctx, -4, '08:40')),
    incoming(stpId, vnDateOf(dayAt(ctx, -5, '08:00')), {
      receivedVia: 'paper',
      numberSymbol: '87/UBND-KSTTHC',
      typeCode: 'CV',
      subject: 'Về việc rà soát, đơn giản hóa thủ tục hành chính lĩnh vực chứng thực',
      urgency: 'urgent',
      pageCount: 3,
    }),
  );
  if (specialistId) {
    await assignIncoming(on(ctx, dayAt(ctx, -4, '14:00')), assigned.id, {
      version: assigned.version,
      leadUserId: specialistId,
      partnerUnitIds: [hctpId],
      handlingDays: 10,
      instruction: 'Đồng chí Nam chủ trì rà soát, đề xuất phương án đơn giản hóa.',
    });
  }

  // Awaiting the leader's assignment: arrived this morning.
  await registerIncoming(
    on(ctx, dayAt(ctx, 0, '07:45') < ctx.clock.now() ? dayAt(ctx, 0, '07:45') : ctx.clock.now()),
    incoming(stpId, vnDateOf(dayAt(ctx, -1, '08:00')), {
      typeCode: 'QD',
      numberSymbol: '3120/QĐ-UBND',
      subject: 'Quyết định công bố danh mục thủ tục hành chính lĩnh vực hộ tịch',
    }),
  );
}

async function outgoingToWard(ctx: Ctx, stpId: string, hctpId: string, wardId: string): Promise<void> {
  let doc = await createOutgoing(on(ctx, dayAt(ctx, -3, '09:00')), {
    unitId: stpId,
    draftingUnitId: hctpId,
    typeCode: 'CV',
    subject: 'Về việc hướng dẫn chứng thực bản sao điện tử từ bản chính',
    content: 'Sở Tư pháp hướng dẫn UBND phường triển khai chứng thực bản sao điện tử từ bản chính theo Nghị định 23/2015/NĐ-CP.',
    urgency: 'normal',
    confidentiality: 'normal',
    recipients: { unitIds: [wardId], external: [{ name: 'Bộ Tư pháp', code: 'G04' }] },
  });
  doc = await submitOutgoing(on(ctx, dayAt(ctx, -3, '10:00')), doc.id, { version: doc.version });
  doc = await signOutgoing(on(ctx, dayAt(ctx, -2, '14:00')), doc.id, { version: doc.version, signerName: 'Đỗ Thị Hương', signerPosition: 'Giám đốc', signingPrefix: '' });
  await issueOutgoing(on(ctx, dayAt(ctx, -2, '15:00')), doc.id, { version: doc.version });
}
