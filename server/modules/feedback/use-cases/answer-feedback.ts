// Answers (issue 14 item 3): a specialist of the assigned unit drafts, a leader of that unit approves or sends it back.
// Approval sends the answer to the sender and to the followers and, unless the sender opted out at intake, publishes it
// with personal data masked (feedback.masking.ts).
import type { Ctx, TxScope } from '../../../platform/context/context';
import type { AnswerDraftRequest, ApproveAnswerRequest, SendBackRequest } from '../../../../contracts/feedback/feedback.contracts';
import { publishedCopyOf } from '../feedback.masking';
import { notifySender } from '../feedback.notify';
import { FEEDBACK_ACTIONS } from '../feedback.policy';
import { listFollowers, type FeedbackRow } from '../feedback.repository';
import { publishedSearchText } from '../feedback.search';
import { actorIdOf, feedbackConfigOf, senderLink, senderRecipient } from './common';
import { transitionFeedback } from './transition';

/** POST /feedback/:id/answer-draft: the specialist's answer, submitted to the unit's leader. */
export async function draftAnswer(ctx: Ctx, id: string, input: AnswerDraftRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.draft,
    transition: 'draft-answer',
    version: input.version,
    apply: async ({ update, event, now }) => {
      const row = await update({ draftAnswer: input.answer, draftedBy: actorIdOf(ctx), draftedAt: now });
      await event('answer-drafted', {});
      return { row, audit: { draftAnswer: input.answer } };
    },
  });
}

/** POST /feedback/:id/send-back: the leader returns the draft to the unit with a note. */
export async function sendBackAnswer(ctx: Ctx, id: string, input: SendBackRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.approve,
    transition: 'send-back',
    version: input.version,
    apply: async ({ update, event }) => {
      const row = await update({});
      await event('sent-back', { note: input.note });
      return { row, audit: { note: input.note } };
    },
  });
}

/**
 * POST /feedback/:id/approve: the leader approves the draft. It becomes the answer (late when approved after the due
 * instant, §19.8), is sent to the sender and the followers, and is published masked unless the sender opted out (a
 * reopened item's new answer replaces the published one).
 */
export async function approveAnswer(ctx: Ctx, id: string, input: ApproveAnswerRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.approve,
    transition: 'approve',
    version: input.version,
    apply: async ({ scope, update, event, now, row: before }) => {
      const answer = before.draftAnswer!;
      const copy = before.publishConsent ? publishedCopyOf({ title: before.title, content: before.content, answer, senderName: before.senderName }) : null;
      const row = await update({
        answer,
        answeredAt: now,
        answeredBy: actorIdOf(ctx),
        answeredLate: now.getTime() > before.dueAt.getTime(),
        ...(copy
          ? {
              publishedAt: now,
              publishedTitle: copy.title,
              publishedContent: copy.content,
              publishedAnswer: copy.answer,
              publishedSenderName: copy.senderName,
              publishedSearchText: publishedSearchText(copy),
            }
          : {}),
      });
      await event('answered', { published: copy !== null, note: input.note ?? null });
      await tellAnswer(ctx, scope, row);
      return { row, audit: { answer, answeredLate: row.answeredLate, published: copy !== null, note: input.note ?? null } };
    },
  });
}

/** The answer to the sender, and to every follower (the public page when it is published, else the item's own page). */
async function tellAnswer(ctx: Ctx, scope: TxScope, row: FeedbackRow): Promise<void> {
  const round = `answered:${row.reopenCount}`;
  await notifySender(scope, {
    itemId: row.id,
    to: await senderRecipient(scope.tx, row),
    params: { kind: 'answered', code: row.code, title: row.title, answer: row.answer!, link: senderLink(ctx, row.code, null) },
    locale: ctx.locale,
    dedupe: round,
  });
  const base = feedbackConfigOf(ctx).publicBaseUrl.replace(/\/$/, '');
  for (const f of await listFollowers(scope.tx, row.id)) {
    // A follower reads what the public reads (masked), or, when the sender kept it private, only that it was answered.
    const answer = row.publishedAnswer ?? '';
    await notifySender(scope, {
      itemId: row.id,
      to: await senderRecipient(scope.tx, { senderEmail: f.email, senderPhone: f.phone, accountId: f.accountId }),
      params: {
        kind: 'followed-answered',
        code: row.code,
        title: row.publishedTitle ?? row.code,
        answer,
        link: `${base}/phan-anh-kien-nghi/cong-khai/${encodeURIComponent(row.code)}`,
      },
      locale: ctx.locale,
      dedupe: `${round}:follower:${f.id}`,
    });
  }
}
