import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'errors.RESULT_NOT_FOUND': 'Không tìm thấy kết quả điện tử theo mã xác thực này. Vui lòng quét lại mã QR trên giấy xác nhận kết quả.',
  'dossiers.errors.resultTokenInvalid': 'Mã xác thực kết quả không hợp lệ.',
  'dossiers.errors.resultReplaceReasonRequired': 'Hồ sơ đã có kết quả điện tử — vui lòng nhập lý do thay thế kết quả.',
  'dossiers.errors.resultReasonInvalid': 'Lý do thay thế kết quả phải có từ 1 đến 500 ký tự.',
  'dossiers.errors.resultFieldInvalid': 'Giá trị "bản gốc giấy" không hợp lệ.',
  'dossiers.errors.resultDocumentInvalid': 'Thông tin cấp số văn bản (loại văn bản, người ký, chức vụ, quyền hạn ký) không hợp lệ.',
  'dossiers.errors.resultDocumentNoSettings':
    'Đơn vị "{unit}" (và các đơn vị cấp trên) chưa có cài đặt sổ văn bản đi; văn thư cần khai báo chữ viết tắt và sổ văn bản trước khi cấp số.',
});

const en = declareMessages('en', {
  'errors.RESULT_NOT_FOUND': 'No electronic result has this verification code. Please scan the QR code on the result certificate again.',
  'dossiers.errors.resultTokenInvalid': 'The result verification code is not valid.',
  'dossiers.errors.resultReplaceReasonRequired': 'This dossier already has an electronic result — please give the reason for replacing it.',
  'dossiers.errors.resultReasonInvalid': 'The reason for replacing the result must be 1 to 500 characters long.',
  'dossiers.errors.resultFieldInvalid': 'The "paper original" value is not valid.',
  'dossiers.errors.resultDocumentInvalid': 'The document numbering details (type, signer, position, signing authority) are not valid.',
  'dossiers.errors.resultDocumentNoSettings':
    'The unit "{unit}" (and the units above it) has no outgoing document settings; the clerk must set its abbreviation and series before numbering.',
});

/** Messages of the electronic results (declared in the results manifest). */
export const dossierResultMessages: MessageDeclaration[] = [vi, en];
