import type { FeedbackState } from '../../../contracts/feedback/feedback.contracts';
import { vnDate, vnParts } from '../dossiers/dossiers.format';

/** The calendar day of an instant in Hà Nội time, as Vietnamese write it (dd/MM/yyyy). */
export const vnDay = (iso: string | null | undefined): string => (iso ? vnDate(vnParts(iso).date) : '');

/** antd tag colour of an item's state: waiting on the sender stands out, answered is green, closed without an answer grey. */
export const STATE_COLOR: Record<FeedbackState, string> = {
  NEW: 'geekblue',
  IN_PROGRESS: 'processing',
  INFO_REQUESTED: 'warning',
  AWAITING_APPROVAL: 'processing',
  ANSWERED: 'success',
  OUT_OF_SCOPE: 'default',
  MERGED: 'default',
};

/** A link inside a sentence is underlined: colour alone does not tell it from the text around it (WCAG 1.4.1). */
export const INLINE_LINK = { textDecoration: 'underline' } as const;
