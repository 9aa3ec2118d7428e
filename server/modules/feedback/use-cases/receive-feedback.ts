// Intake of a feedback item (issue 14 item 1; domain README §8 "Channels", "Intake rejection"): from the portal (a
// signed-in account, or anonymous with a name and a contact) or entered by an officer for its sender (desk, letter,
// hotline, e-mail). Each item gets its code, is routed to the competent unit, and its answer deadline is counted from
// reception on the working-time calendar.
import { can } from '../../../platform/access';
import { toVnIso, vnDateOf } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { getPublishedProcedureByCode, listProcedureCodesMatching, type ProcedureVersionView } from '../../catalog';
import { lookupDossier } from '../../dossiers';
import { getCitizenProfile, type OrgUnitRef } from '../../identity';
import type { FeedbackReceipt, FeedbackSenderInput, OfficerIntakeRequest, SubmitFeedbackRequest } from '../../../../contracts/feedback/feedback.contracts';
import { calendarOfUnit, dueOf, minutesOfDays } from '../feedback.deadlines';
import { notifySender } from '../feedback.notify';
import { FEEDBACK_ACTIONS, isPortalAccount } from '../feedback.policy';
import { insertItem, nextCode, type FeedbackRow } from '../feedback.repository';
import { itemSearchText } from '../feedback.search';
import { presentUnit } from '../feedback.presenter';
import { actorIdOf, defaultUnit, feedbackConfigOf, invalid, newSenderToken, openUnit, recordEvent, senderLink, senderRecipient, todayOf, unitOf } from './common';

type FieldError = { path: string; code: string; params?: Record<string, unknown> };
type Channel = FeedbackRow['channel'];

/** The sender as stored. */
interface Sender {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  accountId: string | null;
}

/** POST /feedback: an item from the portal. A signed-in portal account files it as itself; anyone else gives a name and an e-mail or phone. */
export async function submitFeedback(ctx: Ctx, input: SubmitFeedbackRequest): Promise<FeedbackReceipt> {
  const errors: FieldError[] = [];
  let sender: Sender;
  if (isPortalAccount(ctx.actor)) {
    const profile = await getCitizenProfile(ctx);
    sender = {
      name: input.sender?.name ?? profile.businessName ?? profile.fullName,
      email: input.sender?.email ?? profile.email,
      phone: input.sender?.phone ?? profile.phone,
      address: input.sender?.address ?? null,
      accountId: profile.id,
    };
  } else {
    sender = anonymousSender(input.sender, errors, 'body.sender', false);
  }
  return receive(ctx, { channel: 'portal', input, sender, receivingUnit: null, errors });
}

/** POST /feedback/intake: an officer of the receiving unit enters an item for its sender (name and a contact or address). */
export async function intakeFeedback(ctx: Ctx, input: OfficerIntakeRequest): Promise<FeedbackReceipt> {
  const receiving = await openUnit(ctx, input.receivingUnitId);
  if (!receiving) throw invalid([{ path: 'body.receivingUnitId', code: 'feedback.errors.unitUnknown' }], 'FEEDBACK_INTAKE_INVALID');
  if (!can(ctx.actor, FEEDBACK_ACTIONS.intake, { unitPath: receiving.path })) throw new AppError('FORBIDDEN', { action: FEEDBACK_ACTIONS.intake });
  const errors: FieldError[] = [];
  const sender = anonymousSender(input.sender, errors, 'body.sender', true);
  return receive(ctx, { channel: input.channel, input, sender, receivingUnit: receiving, errors });
}

/** A sender without an account: a name and a way to reach them (an address will do for an item an officer entered from a letter). */
function anonymousSender(given: FeedbackSenderInput | undefined, errors: FieldError[], path: string, addressEnough: boolean): Sender {
  const name = given?.name ?? '';
  if (!name) errors.push({ path: `${path}.name`, code: 'feedback.errors.nameRequired' });
  const reachable = Boolean(given?.email || given?.phone || (addressEnough && given?.address));
  if (!reachable) errors.push({ path: `${path}.email`, code: addressEnough ? 'feedback.errors.contactOrAddressRequired' : 'feedback.errors.contactRequired' });
  return { name, email: given?.email ?? null, phone: given?.phone ?? null, address: given?.address ?? null, accountId: null };
}

/** The most procedures of one field read to route an item by field (a province's largest fields have a few dozen). */
const FIELD_PROCEDURES_READ = 300;

/**
 * The units carrying out the procedures in force of `field` (as the catalogue names it), or null when the catalogue
 * has no procedure in that field.
 */
async function unitsOfField(ctx: Ctx, field: string): Promise<string[] | null> {
  const codes = await listProcedureCodesMatching(ctx.db, { field });
  if (codes.length === 0) return null;
  const units = new Set<string>();
  for (const code of codes.slice(0, FIELD_PROCEDURES_READ)) {
    const version = await getPublishedProcedureByCode(ctx.db, code, todayOf(ctx));
    if (version?.field === field) for (const u of version.implementingUnits) units.add(u.id);
  }
  return [...units];
}

/**
 * The procedure's implementing unit when it alone carries it out (without a procedure: the unit that alone carries
 * out the field's procedures), or the receiving officer's unit when it is one of them; otherwise (nothing named,
 * several units) the province's default unit (FEEDBACK_DEFAULT_UNIT, else the root).
 */
async function competentUnit(ctx: Ctx, procedure: ProcedureVersionView | null, fieldUnits: string[] | null, receiving: OrgUnitRef | null): Promise<OrgUnitRef> {
  const ids = procedure?.implementingUnits.map((u) => u.id) ?? fieldUnits ?? [];
  if (receiving && ids.includes(receiving.id)) return receiving;
  if (ids.length === 1) {
    const unit = await openUnit(ctx, ids[0]!);
    if (unit) return unit;
  }
  return defaultUnit(ctx);
}

/** The dossier code as the dossiers module stores it, or null when it knows no such dossier (nothing else is told). */
async function knownDossierCode(ctx: Ctx, code: string): Promise<string | null> {
  try {
    const view = JSON.parse(await lookupDossier(ctx, code)) as { code: string };
    return view.code;
  } catch (err) {
    // The public lookup's "not found" is the only answer given back: an anonymous caller learns nothing else.
    if (err instanceof AppError && err.code === 'DOSSIER_NOT_FOUND') return null;
    throw err;
  }
}

async function receive(
  ctx: Ctx,
  args: { channel: Channel; input: SubmitFeedbackRequest; sender: Sender; receivingUnit: OrgUnitRef | null; errors: FieldError[] },
): Promise<FeedbackReceipt> {
  const { input, sender, errors } = args;
  const procedure = input.procedureCode ? await getPublishedProcedureByCode(ctx.db, input.procedureCode, todayOf(ctx)) : null;
  if (input.procedureCode && !procedure) errors.push({ path: 'body.procedureCode', code: 'feedback.errors.procedureUnknown', params: { code: input.procedureCode } });
  // A named procedure routes by itself; the field then comes from it.
  const fieldUnits = !input.procedureCode && input.field ? await unitsOfField(ctx, input.field) : null;
  if (!input.procedureCode && input.field && !fieldUnits) errors.push({ path: 'body.field', code: 'feedback.errors.fieldUnknown', params: { field: input.field } });
  const dossierCode = input.dossierCode ? await knownDossierCode(ctx, input.dossierCode) : null;
  if (input.dossierCode && !dossierCode) errors.push({ path: 'body.dossierCode', code: 'feedback.errors.dossierUnknown', params: { code: input.dossierCode } });
  if (errors.length > 0) throw invalid(errors, 'FEEDBACK_INTAKE_INVALID');

  const config = feedbackConfigOf(ctx);
  const unit = await competentUnit(ctx, procedure, fieldUnits, args.receivingUnit);
  const cal = await calendarOfUnit(ctx.db, unit.code);
  const now = ctx.clock.now();
  const minutes = minutesOfDays(config.days.competence, cal);
  const due = dueOf(now, minutes, cal)!;
  // A sender without an account follows the item with a secret; an account uses itself.
  const secret = sender.accountId ? null : newSenderToken();

  const row = await withTransaction(ctx, async (scope) => {
    // Taken last but one: the year's counter row stays locked until COMMIT, so it is held as briefly as possible.
    const code = await nextCode(scope.tx, Number(vnDateOf(now).slice(0, 4)));
    const item = await insertItem(scope.tx, {
      code,
      channel: args.channel,
      state: 'NEW',
      title: input.title,
      content: input.content,
      procedureVersionId: procedure?.id ?? null,
      procedureCode: procedure?.code ?? null,
      procedureName: procedure?.name ?? null,
      procedureField: procedure?.field ?? (fieldUnits ? input.field! : null),
      dossierCode,
      accountId: sender.accountId,
      senderName: sender.name,
      senderEmail: sender.email,
      senderPhone: sender.phone,
      senderAddress: sender.address,
      senderTokenHash: secret?.hash ?? null,
      publishConsent: input.publish,
      receivingUnitId: args.receivingUnit?.id ?? null,
      receivedBy: args.receivingUnit ? actorIdOf(ctx) : null,
      assignedUnitId: unit.id,
      receivedAt: now,
      clockStartedAt: now,
      deadlineRule: 'competence',
      durationMinutes: minutes,
      dueAt: due,
      searchText: itemSearchText(code, input.title),
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(ctx, scope.tx, item.id, 'received', { channel: args.channel, unit: unit.name, due: toVnIso(due) }, now);
    await notifySender(scope, {
      itemId: item.id,
      to: await senderRecipient(scope.tx, item),
      params: { kind: 'received', code, title: item.title, unit: unit.name, due: toVnIso(due), link: senderLink(ctx, code, secret?.token ?? null) },
      locale: ctx.locale,
      dedupe: 'received',
    });
    await scope.audit({
      action: 'feedback.receive',
      subjectType: 'feedback',
      subjectId: item.id,
      before: null,
      after: {
        code,
        channel: item.channel,
        state: item.state,
        assignedUnitId: unit.id,
        receivingUnitId: item.receivingUnitId,
        procedureCode: item.procedureCode,
        dossierCode,
        accountId: item.accountId,
        publish: item.publishConsent,
        dueAt: toVnIso(due),
      },
    });
    return item;
  });
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    channel: row.channel,
    receivedAt: toVnIso(row.receivedAt),
    dueAt: toVnIso(row.dueAt),
    assignedUnit: presentUnit(await unitOf(ctx.db, row.assignedUnitId)),
    publish: row.publishConsent,
    senderToken: secret?.token ?? null,
  };
}
