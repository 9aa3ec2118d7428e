// Legal slips (Mẫu 01–06) as PDF and the tracking book (Mẫu 07) as Excel: pure renderers from plain data (§4).
export { renderReceiptSlip } from './receipt-slip';
export { renderSupplementRequestSlip } from './supplement-request-slip';
export { renderRefusalSlip } from './refusal-slip';
export { renderApologySlip } from './apology-slip';
export { renderStopNotice } from './stop-notice';
export { renderControlSlip, HANDOVER_RESULT_LABEL } from './control-slip';
export {
  renderTrackingBook,
  writeTrackingBook,
  orderBookSheets,
  TrackingBookAbortedError,
  type BookSheetPlan,
  type TrackingBookHead,
  type WriteTrackingBookOptions,
} from './tracking-book';
export { TEMPLATE_SETS, selectTemplateSet, templateSetById, type FormTemplate, type TemplateSet } from './slips.templates';
export { formSymbol, referenceOf } from './slips.numbers';
export { issuerAbbreviation } from './slips.issuer';
export { formatDateLine, formatVnDate, formatVnDateTime } from './slips.format';
export type * from './slips.types';

/** MIME types of what the renderers return. */
export const SLIP_MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
