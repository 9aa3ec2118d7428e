import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'errors.RATING_ALREADY_GIVEN': 'Hồ sơ {code} đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần — cảm ơn ông/bà đã góp ý.',
  'errors.RATING_NOT_ENDED': 'Hồ sơ {code} chưa kết thúc: ông/bà có thể đánh giá sau khi nhận kết quả (hoặc khi hồ sơ được dừng, rút).',
  'errors.RATING_INVITATION_NOT_FOUND': 'Liên kết đánh giá không đúng hoặc không còn dùng được. Vui lòng mở lại liên kết trong tin nhắn, hoặc đánh giá tại quầy bằng mã hồ sơ.',
  'errors.RATING_DOSSIER_NOT_FOUND': 'Không tìm thấy hồ sơ khớp với mã hồ sơ và số giấy tờ đã nhập. Vui lòng kiểm tra lại trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  'ratings.errors.commentTooLong': 'Ý kiến góp ý dài tối đa 1.000 ký tự.',
  'ratings.errors.idNumberInvalid': 'Số giấy tờ gồm 9 đến 20 ký tự, như in trên Giấy tiếp nhận.',
  'ratings.errors.unitOutsideScope': 'Bạn không xem được đánh giá của đơn vị này.',
  'ratings.errors.periodInvalid': 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  'ratings.level.very-satisfied': 'Rất hài lòng',
  'ratings.level.satisfied': 'Hài lòng',
  'ratings.level.unsatisfied': 'Không hài lòng',
  'ratings.criterion.time': 'Thời gian giải quyết',
  'ratings.criterion.attitude': 'Thái độ, hướng dẫn của cán bộ',
  'ratings.criterion.clarity': 'Sự rõ ràng của thủ tục',
  'ratings.ended.RETURNED': 'đã được trả kết quả',
  'ratings.ended.STOPPED': 'đã được dừng giải quyết',
  'ratings.ended.WITHDRAWN': 'đã được rút theo đề nghị',
});

const en = declareMessages('en', {
  'errors.RATING_ALREADY_GIVEN': 'Dossier {code} has already been rated. Each dossier can be rated only once — thank you for your feedback.',
  'errors.RATING_NOT_ENDED': 'Dossier {code} has not ended yet: you can rate it once you have the result (or once it is stopped or withdrawn).',
  'errors.RATING_INVITATION_NOT_FOUND': 'This rating link is wrong or no longer valid. Please open the link in your message again, or rate at the desk with your dossier code.',
  'errors.RATING_DOSSIER_NOT_FOUND': 'No dossier matches this dossier code and ID number. Please check them on your receipt.',
  'ratings.errors.commentTooLong': 'A comment is at most 1,000 characters long.',
  'ratings.errors.idNumberInvalid': 'The ID number has 9 to 20 characters, as printed on the receipt.',
  'ratings.errors.unitOutsideScope': 'You cannot read the ratings of this unit.',
  'ratings.errors.periodInvalid': 'The start date must be on or before the end date.',
  'ratings.level.very-satisfied': 'Very satisfied',
  'ratings.level.satisfied': 'Satisfied',
  'ratings.level.unsatisfied': 'Unsatisfied',
  'ratings.criterion.time': 'Time taken',
  'ratings.criterion.attitude': "Officers' attitude and guidance",
  'ratings.criterion.clarity': 'Clarity of the procedure',
  'ratings.ended.RETURNED': 'has been returned with its result',
  'ratings.ended.STOPPED': 'has been stopped',
  'ratings.ended.WITHDRAWN': 'has been withdrawn at your request',
});

/** The ratings module's server messages, declared in its manifest. */
export const ratingMessages: MessageDeclaration[] = [vi, en];
