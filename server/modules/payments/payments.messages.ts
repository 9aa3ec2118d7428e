import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'errors.PAYMENT_NOT_DUE': 'Hồ sơ {code} hiện không chờ nộp phí, lệ phí hay nghĩa vụ tài chính nào.',
  'errors.PAYMENT_AMOUNT_UNKNOWN': 'Thông báo nộp tiền của hồ sơ {code} chưa ghi số tiền, nên chưa thanh toán trực tuyến được. Vui lòng liên hệ bộ phận một cửa.',
  'errors.PAYMENT_ALREADY_PAID': 'Khoản tiền của hồ sơ {code} đã được thanh toán; hồ sơ sẽ được tiếp tục giải quyết.',
  'errors.PAYMENT_TOO_MANY_ATTEMPTS': 'Đã có nhiều lần thanh toán đang chờ cổng thanh toán xác nhận. Vui lòng đợi ít phút rồi thử lại.',
  'errors.PAYMENT_SIGNATURE_INVALID': 'Kết quả thanh toán gửi về không có chữ ký hợp lệ của cổng thanh toán, nên không được ghi nhận.',
  'errors.PAYMENT_GATEWAY_UNAVAILABLE': 'Chưa hỏi được cổng thanh toán (không kết nối được hoặc câu trả lời không hợp lệ). Hệ thống sẽ tự hỏi lại.',
  'payments.errors.txnRefInvalid': 'Mã giao dịch gồm 8–40 chữ in hoa và chữ số.',
  'payments.errors.statementEmpty': 'Tệp đối soát trống.',
  'payments.errors.statementTooLarge': 'Tệp đối soát lớn hơn 5 MB.',
  'payments.errors.statementHeader': 'Tệp đối soát không có dòng tiêu đề đúng định dạng (TxnRef, TransactionNo, Amount, PayDate, Status).',
  'payments.errors.resolutionRequired': 'Vui lòng ghi cách đã xử lý chênh lệch.',
  'payments.errors.periodInvalid': 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  'payments.errors.unitOutsideScope': 'Bạn không xem được các khoản thanh toán của đơn vị này.',
  'payments.orderInfo': 'Thanh toan phi le phi ho so {code}',
  'payments.description.fee': 'Phí, lệ phí giải quyết thủ tục hành chính',
});

const en = declareMessages('en', {
  'errors.PAYMENT_NOT_DUE': 'Dossier {code} is not awaiting any fee or financial obligation now.',
  'errors.PAYMENT_AMOUNT_UNKNOWN': 'The payment notice of dossier {code} states no amount, so it cannot be paid online. Please contact the one-stop desk.',
  'errors.PAYMENT_ALREADY_PAID': 'The amount due on dossier {code} has been paid; the dossier will continue.',
  'errors.PAYMENT_TOO_MANY_ATTEMPTS': 'Several payments are still waiting for the gateway to confirm them. Please wait a few minutes and try again.',
  'errors.PAYMENT_SIGNATURE_INVALID': 'The payment result sent back does not carry a valid signature of the gateway, so it was not recorded.',
  'errors.PAYMENT_GATEWAY_UNAVAILABLE': 'The payment gateway could not be asked (no connection or an invalid answer). The system will ask again by itself.',
  'payments.errors.txnRefInvalid': 'A transaction reference has 8–40 capital letters and digits.',
  'payments.errors.statementEmpty': 'The statement file is empty.',
  'payments.errors.statementTooLarge': 'The statement file is larger than 5 MB.',
  'payments.errors.statementHeader': 'The statement file has no header row in the expected format (TxnRef, TransactionNo, Amount, PayDate, Status).',
  'payments.errors.resolutionRequired': 'Please say how the difference was dealt with.',
  'payments.errors.periodInvalid': 'The start date must be on or before the end date.',
  'payments.errors.unitOutsideScope': 'You cannot read the payments of this unit.',
  'payments.orderInfo': 'Thanh toan phi le phi ho so {code}',
  'payments.description.fee': 'Fees and charges for the administrative procedure',
});

export const paymentMessages: MessageDeclaration[] = [vi, en];
