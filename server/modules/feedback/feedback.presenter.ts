// Feedback items as the API shows them: to the officers of their unit (with what the caller may do next), to their
// sender, and to the public (masked).
import { instantText, toVnIso } from '../../platform/calendar';
import { translate, type Locale } from '../../platform/i18n';
import type { OrgUnitRef } from '../identity';
import type { UnitRef as UnitRefView } from '../../../contracts/dossiers/dossiers.contracts';
import type { FeedbackDetail, FeedbackQueueItem, PublicFeedbackDetail, PublicFeedbackSummary, SenderFeedbackView } from '../../../contracts/feedback/feedback.contracts';
import type { FeedbackDeadlineDays } from './feedback.config';
import { daysOf } from './feedback.deadlines';
import { FEEDBACK_ACTIONS } from './feedback.policy';
import type { FeedbackEventRow, FeedbackPauseRow, FeedbackRatingRow, FeedbackRow } from './feedback.repository';
import { allows, isOverdue, type FeedbackTransition } from './feedback.workflow';

const iso = (d: Date) => toVnIso(d);
const isoOrNull = (d: Date | null) => (d ? toVnIso(d) : null);

/** A unit as contracts reference it. */
export function presentUnit(u: Pick<OrgUnitRef, 'id' | 'code' | 'name'>): UnitRefView {
  return { id: u.id, code: u.code, name: u.name };
}

const unitRef = (units: Map<string, OrgUnitRef>, id: string): UnitRefView => {
  const u = units.get(id);
  return u ? presentUnit(u) : { id, code: '', name: '' };
};

/** The state in the reader's language. */
export function stateText(state: FeedbackRow['state'], locale: Locale): string {
  return translate(locale, `feedback.state.${state}`) ?? state;
}

/** The law a complaint or denunciation follows instead (Luật Khiếu nại 2011, Luật Tố cáo 2018), in the reader's language. */
export function lawText(category: NonNullable<FeedbackRow['outOfScopeCategory']>, locale: Locale): string {
  return translate(locale, `feedback.law.${category}`) ?? category;
}

/** "5 ngày làm việc (thuộc thẩm quyền của đơn vị)". */
export function ruleText(rule: FeedbackRow['deadlineRule'], days: FeedbackDeadlineDays, locale: Locale): string {
  return translate(locale, `feedback.rule.${rule}`, { days: daysOf(rule, days) }) ?? rule;
}

/** A history entry's text: its stored parameters with instants, kinds, channels and ratings put in words. */
export function historyText(e: Pick<FeedbackEventRow, 'kind' | 'params'>, locale: Locale, days: FeedbackDeadlineDays): string {
  const p: Record<string, unknown> = { ...e.params };
  if (typeof p.due === 'string') p.due = instantText(p.due, locale);
  if (typeof p.from === 'string' && e.kind === 'due-recomputed') p.from = instantText(p.from, locale);
  if (typeof p.channel === 'string') p.channel = translate(locale, `feedback.channel.${p.channel}`) ?? p.channel;
  if (typeof p.kind === 'string') p.kind = translate(locale, `feedback.kind.${p.kind}`) ?? p.kind;
  if (typeof p.category === 'string') p.category = translate(locale, `feedback.category.${p.category}`) ?? p.category;
  if (typeof p.rating === 'string') p.rating = translate(locale, `feedback.rating.${p.rating}`) ?? p.rating;
  if (typeof p.rule === 'string') p.rule = ruleText(p.rule as FeedbackRow['deadlineRule'], days, locale);
  if (e.kind === 'answered') p.published = p.published === true ? (translate(locale, 'feedback.history.published') ?? '') : '';
  return translate(locale, `feedback.history.${e.kind}`, p) ?? e.kind;
}

/** A row of the officers' queue, with its overdue and paused flags at `now`. */
export function presentQueueItem(row: FeedbackRow, units: Map<string, OrgUnitRef>, now: Date, locale: Locale): FeedbackQueueItem {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    state: row.state,
    stateText: stateText(row.state, locale),
    kind: row.kind,
    channel: row.channel,
    assignedUnit: unitRef(units, row.assignedUnitId),
    senderName: row.senderName,
    procedureCode: row.procedureCode,
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    paused: row.state === 'INFO_REQUESTED',
    overdue: isOverdue(row, now),
    version: row.version,
  };
}

/** Everything the officers' detail is made of, read by the use case. */
export interface FeedbackBundle {
  row: FeedbackRow;
  units: Map<string, OrgUnitRef>;
  events: FeedbackEventRow[];
  pauses: FeedbackPauseRow[];
  ratings: FeedbackRatingRow[];
  followers: number;
  mergedInto: { id: string; code: string } | null;
  now: Date;
  days: FeedbackDeadlineDays;
  /** Whether the caller holds the action over the item's unit (the use case asked the policy). */
  may: (action: string) => boolean;
}

const ACTION_OF: Record<keyof FeedbackDetail['actions'], { action: string; transition: FeedbackTransition }> = {
  classify: { action: FEEDBACK_ACTIONS.route, transition: 'classify' },
  closeOutOfScope: { action: FEEDBACK_ACTIONS.route, transition: 'close-out-of-scope' },
  transfer: { action: FEEDBACK_ACTIONS.route, transition: 'transfer' },
  merge: { action: FEEDBACK_ACTIONS.route, transition: 'merge' },
  setDeadline: { action: FEEDBACK_ACTIONS.handle, transition: 'set-deadline' },
  requestInfo: { action: FEEDBACK_ACTIONS.handle, transition: 'request-info' },
  draftAnswer: { action: FEEDBACK_ACTIONS.draft, transition: 'draft-answer' },
  approve: { action: FEEDBACK_ACTIONS.approve, transition: 'approve' },
  sendBack: { action: FEEDBACK_ACTIONS.approve, transition: 'send-back' },
};

/** The officers' detail: the item, its deadline, history, pauses, ratings, published copy and the caller's permitted actions. */
export function presentDetail(b: FeedbackBundle, locale: Locale): FeedbackDetail {
  const { row } = b;
  const actions = Object.fromEntries(
    Object.entries(ACTION_OF).map(([key, { action, transition }]) => {
      // A published item is not merged into another (its public page would vanish).
      const extra = transition === 'merge' ? row.publishedAt === null : true;
      return [key, extra && allows(transition, row.state) && b.may(action)];
    }),
  ) as FeedbackDetail['actions'];
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    state: row.state,
    stateText: stateText(row.state, locale),
    kind: row.kind,
    channel: row.channel,
    title: row.title,
    content: row.content,
    procedure: row.procedureCode ? { code: row.procedureCode, name: row.procedureName ?? '', field: row.procedureField } : null,
    dossierCode: row.dossierCode,
    sender: { name: row.senderName, email: row.senderEmail, phone: row.senderPhone, address: row.senderAddress, hasAccount: row.accountId !== null },
    publish: row.publishConsent,
    receivingUnit: row.receivingUnitId ? unitRef(b.units, row.receivingUnitId) : null,
    assignedUnit: unitRef(b.units, row.assignedUnitId),
    receivedAt: iso(row.receivedAt),
    deadline: {
      rule: row.deadlineRule,
      workingMinutes: row.durationMinutes,
      clockStartedAt: iso(row.clockStartedAt),
      dueAt: iso(row.dueAt),
      reason: row.deadlineReason,
      paused: row.state === 'INFO_REQUESTED',
      overdue: isOverdue(row, b.now),
    },
    draftAnswer: row.draftAnswer,
    answer: row.answer,
    answeredAt: isoOrNull(row.answeredAt),
    answeredOnTime: row.answeredLate === null ? null : !row.answeredLate,
    outOfScope: row.outOfScopeCategory && row.closingReason ? { category: row.outOfScopeCategory, reason: row.closingReason, law: lawText(row.outOfScopeCategory, locale) } : null,
    mergedInto: b.mergedInto,
    reopenCount: row.reopenCount,
    published:
      row.publishedAt && row.publishedAnswer
        ? {
            at: iso(row.publishedAt),
            title: row.publishedTitle ?? '',
            content: row.publishedContent ?? '',
            answer: row.publishedAnswer,
            senderName: row.publishedSenderName ?? '',
          }
        : null,
    followers: b.followers,
    pauses: b.pauses.map((p) => ({ from: iso(p.fromAt), to: isoOrNull(p.toAt), question: p.question, reply: p.reply })),
    ratings: b.ratings.map((r) => ({ round: r.round, rating: r.rating, comment: r.comment, reopened: r.reopened, ratedAt: iso(r.ratedAt) })),
    history: b.events.map((e) => ({ at: iso(e.at), kind: e.kind, text: historyText(e, locale, b.days), actorLabel: e.actorLabel })),
    actions,
  };
}

/** A published item as the public sees it (only the masked copies are read). */
export function presentPublicSummary(row: FeedbackRow, units: Map<string, OrgUnitRef>, followers: number): PublicFeedbackSummary {
  return {
    code: row.code,
    kind: row.kind === 'conduct' ? 'conduct' : 'regulation',
    title: row.publishedTitle ?? '',
    senderName: row.publishedSenderName ?? '',
    procedure: row.procedureCode ? { code: row.procedureCode, name: row.procedureName ?? '' } : null,
    field: row.procedureField,
    unit: unitRef(units, row.assignedUnitId),
    receivedAt: iso(row.receivedAt),
    answeredAt: iso(row.answeredAt ?? row.publishedAt!),
    reopened: row.state !== 'ANSWERED',
    followers,
  };
}

/** One published item with its masked content and answer. */
export function presentPublicDetail(row: FeedbackRow, units: Map<string, OrgUnitRef>, followers: number): PublicFeedbackDetail {
  return {
    ...presentPublicSummary(row, units, followers),
    content: row.publishedContent ?? '',
    answer: row.publishedAnswer ?? '',
    dueAt: iso(row.dueAt),
    answeredOnTime: row.answeredLate === null ? null : !row.answeredLate,
  };
}

/** The item as its sender sees it: where it is, what is asked of them, the answer, and what they may do. */
/** The history entries a sender sees: each step of the item, not the unit's internal drafts, notes and reminders. */
const SENDER_EVENT_KINDS: ReadonlySet<FeedbackEventRow['kind']> = new Set([
  'received',
  'classified',
  'closed-out-of-scope',
  'transferred',
  'merged',
  'duplicate-merged',
  'deadline-set',
  'info-requested',
  'info-received',
  'answered',
  'rated',
  'reopened',
  'due-recomputed',
]);

export function presentSenderView(
  row: FeedbackRow,
  extra: { openQuestion: string | null; ratings: FeedbackRatingRow[]; mergedIntoCode: string | null; unit: UnitRefView; events: FeedbackEventRow[]; days: FeedbackDeadlineDays },
  locale: Locale,
): SenderFeedbackView {
  const rated = extra.ratings.some((r) => r.round === row.reopenCount);
  return {
    code: row.code,
    title: row.title,
    state: row.state,
    stateText: stateText(row.state, locale),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    paused: row.state === 'INFO_REQUESTED',
    question: extra.openQuestion,
    answer: row.answer,
    answeredAt: isoOrNull(row.answeredAt),
    outOfScope: row.outOfScopeCategory && row.closingReason ? { category: row.outOfScopeCategory, reason: row.closingReason, law: lawText(row.outOfScopeCategory, locale) } : null,
    mergedInto: extra.mergedIntoCode,
    ratings: extra.ratings.map((r) => ({ round: r.round, rating: r.rating, ratedAt: iso(r.ratedAt) })),
    unit: extra.unit,
    history: extra.events.filter((e) => SENDER_EVENT_KINDS.has(e.kind)).map((e) => ({ at: iso(e.at), kind: e.kind, text: historyText(e, locale, extra.days) })),
    actions: {
      reply: row.state === 'INFO_REQUESTED',
      rate: row.state === 'ANSWERED' && !rated,
      reopen: row.state === 'ANSWERED' && !rated && row.reopenCount === 0,
    },
  };
}
