// A feedback item as a dialogue's question (issue 14 item 5; domain README §9: dialogue topics are collected in advance
// from PAKN). The dialogues module reads an item by its code through this function only; it gets the item when the
// caller may read it (feedback.read over its assigned unit), so item codes, which are sequential, reveal nothing else.
import { can } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { FEEDBACK_ACTIONS } from '../feedback.policy';
import { findItemByCode } from '../feedback.repository';
import { unitOf } from './common';

/** What a dialogue takes from a feedback item. */
export interface DialogueSourceItem {
  id: string;
  code: string;
  title: string;
  content: string;
  senderName: string;
  /** The unit the item is assigned to. */
  unitId: string;
  /** The sender agreed that the item is published (masked); a dialogue shows it to the public only then. */
  publishConsent: boolean;
}

/** The item with code `code` when it exists and the caller may read it, else null (unknown and unreadable alike). */
export async function readFeedbackForDialogue(ctx: Ctx, code: string): Promise<DialogueSourceItem | null> {
  const row = await findItemByCode(ctx.db, code.trim().toUpperCase());
  if (!row) return null;
  const unit = await unitOf(ctx.db, row.assignedUnitId);
  if (!can(ctx.actor, FEEDBACK_ACTIONS.read, { unitPath: unit.path })) return null;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    content: row.content,
    senderName: row.senderName,
    unitId: row.assignedUnitId,
    publishConsent: row.publishConsent,
  };
}
