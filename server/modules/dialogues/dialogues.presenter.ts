// Sessions, questions and commitments as the API shows them: to the officers (with what the caller may do next) and
// to the public (askers as initials, personal data masked by feedback's rules: NĐ 13/2023/NĐ-CP Điều 2 khoản 3).
import { instantText, toVnIso } from '../../platform/calendar';
import { translate, type Locale } from '../../platform/i18n';
import type { OrgUnitRef } from '../identity';
import { maskPersonalData } from '../feedback';
import type { UnitRef } from '../../../contracts/dossiers/dossiers.contracts';
import type {
  Commitment,
  CommitmentDetail,
  OfficerQuestion,
  PublicCommitment,
  PublicQuestion,
  PublicSessionDetail,
  PublicSessionSummary,
  SessionDetail,
  SessionSummary,
} from '../../../contracts/dialogues/dialogues.contracts';
import type { CommitmentEventRow, CommitmentRow, QuestionRow, SessionRow } from './dialogues.repository';
import { isOverdue } from './dialogues.workflow';

const isoOrNull = (d: Date | null) => (d ? toVnIso(d) : null);

/** A unit as contracts reference it. */
export function presentUnit(u: Pick<OrgUnitRef, 'id' | 'code' | 'name'>): UnitRef {
  return { id: u.id, code: u.code, name: u.name };
}

const unitRef = (units: Map<string, OrgUnitRef>, id: string): UnitRef => {
  const u = units.get(id);
  return u ? presentUnit(u) : { id, code: '', name: '' };
};

/** Counts shown with a session. */
export interface SessionCounts {
  questions: number;
  pending: number;
  commitments: number;
}

/** A session as lists show it to the officers. */
export function presentSessionSummary(row: SessionRow, units: Map<string, OrgUnitRef>, counts: SessionCounts | undefined, locale: Locale): SessionSummary {
  return {
    id: row.id,
    level: row.level,
    title: row.title,
    organisingUnit: unitRef(units, row.organisingUnitId),
    chair: { name: row.chairName, position: row.chairPosition },
    startsAt: toVnIso(row.startsAt),
    place: row.place,
    onlineUrl: row.onlineUrl,
    audience: row.audience,
    audienceSector: row.audienceSector,
    state: row.state,
    stateText: translate(locale, `dialogues.state.${row.state}`) ?? row.state,
    questionCount: counts?.questions ?? 0,
    pendingCount: counts?.pending ?? 0,
    commitmentCount: counts?.commitments ?? 0,
  };
}

/** A session as the public's lists show it. */
export function presentPublicSessionSummary(row: SessionRow, units: Map<string, OrgUnitRef>, counts: SessionCounts | undefined, locale: Locale): PublicSessionSummary {
  const { pendingCount: _pending, ...summary } = presentSessionSummary(row, units, counts, locale);
  return summary;
}

/** Public questions are taken while the session is announced and has not started. */
export const acceptsQuestions = (row: Pick<SessionRow, 'state' | 'startsAt'>, now: Date): boolean => row.state === 'ANNOUNCED' && now.getTime() < row.startsAt.getTime();

/** A question as the organisers see it. */
export function presentOfficerQuestion(row: QuestionRow, units: Map<string, OrgUnitRef>, actions: OfficerQuestion['actions'], locale: Locale): OfficerQuestion {
  return {
    id: row.id,
    source: row.source,
    feedbackCode: row.feedbackCode,
    askerName: row.askerName,
    askerDisplay: row.askerDisplay,
    askerContact: row.askerContact ?? ([row.askerEmail, row.askerPhone].filter(Boolean).join(', ') || null),
    text: row.text,
    publicVisible: row.publicVisible,
    state: row.state,
    stateText: translate(locale, `dialogues.question.${row.state}`) ?? row.state,
    rejectReason: row.rejectReason,
    answer: row.answer,
    answeredAt: isoOrNull(row.answeredAt),
    answeringUnit: row.answeringUnitId ? unitRef(units, row.answeringUnitId) : null,
    submittedAt: toVnIso(row.submittedAt),
    version: row.version,
    actions,
  };
}

/** A commitment as the officers see it. */
export function presentCommitment(
  row: CommitmentRow,
  session: Pick<SessionRow, 'id' | 'title'>,
  units: Map<string, OrgUnitRef>,
  now: Date,
  actions: Commitment['actions'],
  locale: Locale,
): Commitment {
  return {
    id: row.id,
    session: { id: session.id, title: session.title },
    questionId: row.questionId,
    ownerUnit: unitRef(units, row.ownerUnitId),
    text: row.text,
    workingDays: row.workingDays,
    dueOn: row.dueOn,
    madeAt: toVnIso(row.clockStartedAt),
    dueAt: toVnIso(row.dueAt),
    state: row.state,
    stateText: translate(locale, `dialogues.commitment.${row.state}`) ?? row.state,
    progressPercent: row.progressPercent,
    overdue: isOverdue(row, now),
    completedAt: isoOrNull(row.completedAt),
    completedOnTime: row.completedOnTime,
    cancelReason: row.cancelReason,
    version: row.version,
    actions,
  };
}

/** A history entry's text: its stored parameters with instants and the note put in words. */
export function historyText(e: Pick<CommitmentEventRow, 'kind' | 'params' | 'percent' | 'note'>, locale: Locale): string {
  const p: Record<string, unknown> = { ...e.params, percent: e.percent, note: e.note ?? '' };
  if (typeof p.due === 'string') p.due = instantText(p.due, locale);
  if (typeof p.from === 'string') p.from = instantText(p.from, locale);
  if (e.kind === 'completed') p.late = p.late === true ? (translate(locale, 'dialogues.history.late') ?? '') : '';
  return translate(locale, `dialogues.history.${e.kind}`, p) ?? e.kind;
}

/** A commitment's detail for the officers: its question and history. */
export function presentCommitmentDetail(base: Commitment, question: QuestionRow, events: readonly CommitmentEventRow[], locale: Locale): CommitmentDetail {
  return {
    ...base,
    question: { text: question.text, answer: question.answer, askerName: question.askerName },
    history: events.map((ev) => ({ at: toVnIso(ev.at), kind: ev.kind, percent: ev.percent, text: historyText(ev, locale), actorLabel: ev.actorLabel })),
  };
}

/** What the officers' session detail is made of, read by the use case. */
export interface SessionBundle {
  row: SessionRow;
  units: Map<string, OrgUnitRef>;
  counts: SessionCounts;
  questions: Array<{ row: QuestionRow; actions: OfficerQuestion['actions'] }>;
  commitments: Array<{ row: CommitmentRow; actions: Commitment['actions'] }>;
  actions: SessionDetail['actions'];
  now: Date;
}

/** The officers' session detail. */
export function presentSessionDetail(b: SessionBundle, locale: Locale): SessionDetail {
  const r = b.row;
  return {
    ...presentSessionSummary(r, b.units, b.counts, locale),
    description: r.description,
    agenda: r.agenda,
    minutes: r.minutes,
    announcedAt: isoOrNull(r.announcedAt),
    heldAt: isoOrNull(r.heldAt),
    closedAt: isoOrNull(r.closedAt),
    cancelledAt: isoOrNull(r.cancelledAt),
    cancelReason: r.cancelReason,
    acceptingQuestions: acceptsQuestions(r, b.now),
    version: r.version,
    questions: b.questions.map((q) => presentOfficerQuestion(q.row, b.units, q.actions, locale)),
    commitments: b.commitments.map((c) => presentCommitment(c.row, r, b.units, b.now, c.actions, locale)),
    actions: b.actions,
  };
}

// ---------------------------------------------------------------- public (masked)

/** A question as the public reads it: the asker's initials, the texts masked (the asker's name becomes initials too). */
export function presentPublicQuestion(row: QuestionRow, units: Map<string, OrgUnitRef>, locale: Locale): PublicQuestion {
  const names = [row.askerName];
  return {
    id: row.id,
    source: row.source,
    askerDisplay: row.askerDisplay,
    text: maskPersonalData(row.text, names),
    state: row.state,
    stateText: translate(locale, `dialogues.question.${row.state}`) ?? row.state,
    answer: row.answer ? maskPersonalData(row.answer, names) : null,
    answeredAt: isoOrNull(row.answeredAt),
    answeringUnit: row.answeringUnitId ? unitRef(units, row.answeringUnitId) : null,
  };
}

/** A commitment as the public reads it, with its progress reports (texts masked by its question's asker). */
export function presentPublicCommitment(
  row: CommitmentRow,
  session: Pick<SessionRow, 'id' | 'title'>,
  askerName: string,
  units: Map<string, OrgUnitRef>,
  events: readonly CommitmentEventRow[],
  now: Date,
  locale: Locale,
): PublicCommitment {
  const mask = (text: string) => maskPersonalData(text, [askerName]);
  return {
    id: row.id,
    session: { id: session.id, title: session.title },
    questionId: row.questionId,
    ownerUnit: unitRef(units, row.ownerUnitId),
    text: mask(row.text),
    madeAt: toVnIso(row.clockStartedAt),
    dueAt: toVnIso(row.dueAt),
    state: row.state,
    stateText: translate(locale, `dialogues.commitment.${row.state}`) ?? row.state,
    progressPercent: row.progressPercent,
    overdue: isOverdue(row, now),
    completedAt: isoOrNull(row.completedAt),
    completedOnTime: row.completedOnTime,
    cancelReason: row.cancelReason ? mask(row.cancelReason) : null,
    progress: events.filter((ev) => ev.kind === 'progress' || ev.kind === 'completed').map((ev) => ({ at: toVnIso(ev.at), percent: ev.percent, note: mask(ev.note ?? '') })),
  };
}

/** The public's session page: its accepted questions and answers, its commitments; minutes masked by every asker's name. */
export function presentPublicSessionDetail(
  b: { row: SessionRow; units: Map<string, OrgUnitRef>; counts: SessionCounts; questions: QuestionRow[]; commitments: PublicCommitment[]; allAskers: string[]; now: Date },
  locale: Locale,
): PublicSessionDetail {
  const r = b.row;
  return {
    ...presentPublicSessionSummary(r, b.units, b.counts, locale),
    description: r.description,
    agenda: r.agenda,
    minutes: r.minutes ? maskPersonalData(r.minutes, b.allAskers) : null,
    cancelReason: r.cancelReason,
    acceptingQuestions: acceptsQuestions(r, b.now),
    questions: b.questions.map((q) => presentPublicQuestion(q, b.units, locale)),
    commitments: b.commitments,
  };
}
