import { declareMessages, type MessageDeclaration } from '../i18n';

const vi = declareMessages('vi', {
  'errors.FILE_REQUIRED': 'Chưa có tệp nào được gửi. Vui lòng chọn tệp.',
  'errors.FILE_EMPTY': 'Tệp «{name}» rỗng (0 byte). Vui lòng chọn lại tệp.',
  'errors.FILE_TOO_LARGE': 'Tệp «{name}» vượt quá dung lượng cho phép ({limit}).',
  'errors.TOO_MANY_FILES': 'Mỗi lần chỉ được gửi tối đa {max} tệp.',
  'errors.FILE_TYPE_NOT_ALLOWED': 'Tệp «{name}» không thuộc loại được nhận ({allowed}). Loại tệp được xác định theo nội dung tệp, không theo tên hay phần mở rộng.',
  'errors.FILE_CONTENT_AMBIGUOUS':
    'Tệp «{name}» có dữ liệu nằm ngoài nội dung {type} (ví dụ một tệp khác được ghép vào) nên không được nhận. Vui lòng lưu hoặc xuất lại thành một tệp {type} thông thường rồi gửi lại.',
  'errors.FILE_CONTENT_INVALID': 'Tệp «{name}» bị hỏng hoặc không đầy đủ, không đọc được như một tệp {type}. Vui lòng kiểm tra tệp rồi gửi lại.',
  'errors.STORAGE_QUOTA_EXCEEDED': 'Không đủ dung lượng lưu trữ: đã dùng {used} trên {quota} (còn {free}), các tệp vừa gửi cần {adding}.',
  'errors.FILE_NOT_FOUND': 'Không tìm thấy tệp.',
});

const en = declareMessages('en', {
  'errors.FILE_REQUIRED': 'No file was sent. Please choose a file.',
  'errors.FILE_EMPTY': 'The file «{name}» is empty (0 bytes). Please choose the file again.',
  'errors.FILE_TOO_LARGE': 'The file «{name}» is larger than allowed ({limit}).',
  'errors.TOO_MANY_FILES': 'At most {max} files can be sent at a time.',
  'errors.FILE_TYPE_NOT_ALLOWED': 'The file «{name}» is not of an accepted type ({allowed}). The type is recognised from the file’s content, not from its name or extension.',
  'errors.FILE_CONTENT_AMBIGUOUS':
    'The file «{name}» holds data outside its {type} content (for example another file joined to it), so it is not accepted. Please save or export it again as a plain {type} file and send it again.',
  'errors.FILE_CONTENT_INVALID': 'The file «{name}» is damaged or incomplete and cannot be read as a {type} file. Please check the file and send it again.',
  'errors.STORAGE_QUOTA_EXCEEDED': 'Not enough storage space: {used} of {quota} used ({free} free), and the files sent need {adding}.',
  'errors.FILE_NOT_FOUND': 'The file was not found.',
});

/** The files platform's server messages, declared in its manifest. */
export const filesMessages: readonly MessageDeclaration[] = [vi, en];
