import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

// Why a national portal dossier could not be taken (shown on the administrator's exchange page).
const vi = declareMessages('vi', {
  'exchange.errors.fieldUnreadable': 'Không đọc được trường {field} của hồ sơ.',
  'exchange.errors.fileAddress': 'Tệp "{name}" không có địa chỉ tải về hợp lệ.',
  'exchange.errors.fileHost': 'Tệp "{name}" nằm ở máy chủ {host}, không thuộc danh sách được phép tải về (DVCQG_FILE_HOSTS).',
});

const en = declareMessages('en', {
  'exchange.errors.fieldUnreadable': 'Field {field} of the dossier cannot be read.',
  'exchange.errors.fileAddress': 'File "{name}" has no valid download address.',
  'exchange.errors.fileHost': 'File "{name}" is on host {host}, which is not allowed for downloads (DVCQG_FILE_HOSTS).',
});

export const exchangeMessages: readonly MessageDeclaration[] = [vi, en];
