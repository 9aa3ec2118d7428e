import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'citizen.errors.cursorInvalid': 'Vị trí trang không hợp lệ — hãy tải lại danh sách từ đầu.',
});

const en = declareMessages('en', {
  'citizen.errors.cursorInvalid': 'The page position is not valid: reload the list from the start.',
});

/** Messages of the portal's composition, declared in its manifest. */
export const portalMessages: MessageDeclaration[] = [vi, en];
