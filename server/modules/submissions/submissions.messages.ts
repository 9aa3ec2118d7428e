import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'errors.SUBMISSION_VERSION_CONFLICT': 'Hồ sơ vừa được lưu từ nơi khác (thẻ hoặc thiết bị khác). Bản đang lưu được gửi kèm để bạn đối chiếu — nội dung vừa nhập chưa bị mất.',
  'errors.SUBMISSION_NOT_ONLINE': 'Thủ tục {code} hiện không cung cấp dịch vụ công trực tuyến; vui lòng nộp hồ sơ trực tiếp hoặc qua bưu chính.',
  'errors.SUBMISSION_PROCEDURE_AMENDED':
    'Thủ tục đã được sửa đổi, bổ sung kể từ khi bạn bắt đầu. Hãy mở lại hồ sơ (hệ thống chuyển sang quy định mới khi lưu), kiểm tra các thành phần còn thiếu rồi nộp lại.',
  'errors.SUBMISSION_INCOMPLETE': 'Hồ sơ chưa đầy đủ: vui lòng bổ sung các mục được nêu.',
  'submissions.errors.documentMissing': 'Chưa đính kèm "{name}".',
  'submissions.feeNotice': 'Nộp phí, lệ phí {fee} đồng trước khi hồ sơ được giải quyết (thanh toán trực tuyến).',
  'submissions.feeNoticeReduced':
    'Nộp phí, lệ phí {fee} đồng (mức thu {full} đồng, giảm {percent}% cho đối tượng: {subject}) trước khi hồ sơ được giải quyết (thanh toán trực tuyến).',
  'submissions.errors.feeExemptionUnknown': 'Thủ tục không quy định đối tượng miễn, giảm "{key}".',
  'submissions.errors.documentsEmpty': 'Chưa đính kèm giấy tờ nào — không thể nộp hồ sơ trống.',
  'submissions.errors.requirementUnknown': 'Thành phần hồ sơ này không còn trong quy định hiện hành của thủ tục — hãy gỡ tệp đã đính kèm.',
  'submissions.errors.applicantKindRequired': 'Vui lòng chọn người nộp là cá nhân hay tổ chức.',
  'submissions.errors.applicantInvalid': 'Thông tin người nộp chưa hợp lệ.',
  'submissions.errors.contactRequired': 'Vui lòng nhập thư điện tử hoặc số điện thoại để nhận thông báo và phiếu tiếp nhận.',
  'submissions.errors.resultDeliveryRequired': 'Vui lòng chọn hình thức nhận kết quả.',
  'submissions.errors.resultDeliveryNotOnline': 'Dịch vụ công trực tuyến toàn trình trả kết quả trực tuyến hoặc qua bưu chính công ích — vui lòng chọn một trong hai.',
  'submissions.errors.answersTooLarge': 'Nội dung tờ khai quá dài.',
  'submissions.errors.cursorInvalid': 'Vị trí trang không hợp lệ; hãy mở lại danh sách từ trang đầu.',
  'submissions.errors.procedureRequired': 'Vui lòng chọn một thủ tục (theo mã hoặc theo định danh).',
  'submissions.errors.deskRequired': 'Vui lòng chọn nơi tiếp nhận hồ sơ (Trung tâm Phục vụ hành chính công).',
  'submissions.errors.deskInvalid': 'Nơi tiếp nhận đã chọn không phải Trung tâm Phục vụ hành chính công đang hoạt động.',
  'submissions.errors.notYourDesk': 'Bạn không tiếp nhận hồ sơ tại đơn vị này.',
  'submissions.errors.requirementByEForm': 'Thành phần này được kê khai bằng tờ khai điện tử — không cần đính kèm tệp.',
  'submissions.errors.tooManyFilesForDocument': 'Mỗi thành phần hồ sơ đính kèm tối đa {max} tệp.',
  'submissions.errors.tooManyFiles': 'Mỗi hồ sơ đính kèm tối đa {max} tệp.',
  'errors.SUBMISSION_NATIONAL_NO_GUIDE':
    'Hồ sơ nộp trên Cổng Dịch vụ công quốc gia: người nộp bổ sung, hoàn thiện hồ sơ trên Cổng đó. Hãy tiếp nhận hồ sơ hoặc từ chối tiếp nhận và nêu rõ giấy tờ cần bổ sung trong lý do.',
  'submissions.errors.nationalProcedureUnknown': 'Thủ tục {code} không có trong danh mục thủ tục đang có hiệu lực của tỉnh.',
  'submissions.errors.nationalProcedureNotOnline': 'Thủ tục {code} của tỉnh không cung cấp dịch vụ công trực tuyến.',
  'submissions.errors.nationalDeskUnknown': 'Mã đơn vị tiếp nhận {code} không phải Bộ phận một cửa đang hoạt động của tỉnh.',

  'submissions.state.DRAFT': 'Đang soạn',
  'submissions.state.SUBMITTED': 'Chờ tiếp nhận trực tuyến',
  'submissions.state.GUIDED': 'Yêu cầu bổ sung, hoàn thiện trước khi tiếp nhận',
  'submissions.state.ACCEPTED': 'Đã tiếp nhận',
  'submissions.state.REFUSED': 'Không được tiếp nhận',
  'submissions.state.WITHDRAWN': 'Đã rút',

  'submissions.timeline.created': 'Bắt đầu soạn hồ sơ trực tuyến.',
  'submissions.timeline.submitted': 'Nộp hồ sơ trực tuyến, mã theo dõi {reference}; chờ tiếp nhận tại {unit}.',
  'submissions.timeline.resubmitted': 'Nộp lại hồ sơ đã bổ sung, hoàn thiện (mã theo dõi {reference}).',
  'submissions.timeline.accepted': 'Hồ sơ được tiếp nhận, mã hồ sơ {code}.',
  'submissions.timeline.guided': 'Yêu cầu bổ sung, hoàn thiện hồ sơ (phiếu số {slip}): {items}. Lý do: {reasons}.',
  'submissions.timeline.refused': 'Từ chối tiếp nhận hồ sơ (phiếu số {slip}). Lý do: {reasons}.',
  'submissions.timeline.withdrawn': 'Người nộp rút hồ sơ.',

  'submissions.notice.submitted':
    'Hồ sơ trực tuyến {reference} ({procedureName}) đã được gửi đến {unit} lúc {at}. Cán bộ sẽ kiểm tra và thông báo việc tiếp nhận; mã hồ sơ và ngày hẹn trả kết quả được cấp khi hồ sơ được tiếp nhận.',
  'submissions.notice.resubmitted': 'Hồ sơ trực tuyến {reference} ({procedureName}) đã được nộp lại sau khi bổ sung, hoàn thiện lúc {at}.',
});

const en = declareMessages('en', {
  'errors.SUBMISSION_VERSION_CONFLICT':
    'This application was just saved elsewhere (another tab or device). The saved copy is attached so you can compare — nothing you typed is lost.',
  'errors.SUBMISSION_NOT_ONLINE': 'Procedure {code} is not offered as an online public service; please apply at a desk or by post.',
  'errors.SUBMISSION_PROCEDURE_AMENDED':
    'The procedure has been amended since you started. Open the application again (saving moves it to the new rules), check what is missing and submit again.',
  'errors.SUBMISSION_INCOMPLETE': 'The application is incomplete: please complete the items listed.',
  'submissions.errors.documentMissing': '"{name}" is not attached yet.',
  'submissions.feeNotice': 'Pay the fee of {fee} VND before the dossier is handled (online payment).',
  'submissions.feeNoticeReduced': 'Pay the fee of {fee} VND (full rate {full} VND, {percent}% off for: {subject}) before the dossier is handled (online payment).',
  'submissions.errors.feeExemptionUnknown': 'The procedure names no exempted or reduced category "{key}".',
  'submissions.errors.documentsEmpty': 'No document is attached — an empty application cannot be submitted.',
  'submissions.errors.requirementUnknown': 'This document is no longer required by the procedure in force — remove the attached file.',
  'submissions.errors.applicantKindRequired': 'Please choose whether the applicant is a person or an organisation.',
  'submissions.errors.applicantInvalid': 'The applicant details are not valid.',
  'submissions.errors.contactRequired': 'Please give an e-mail address or a phone number to receive notices and slips.',
  'submissions.errors.resultDeliveryRequired': 'Please choose how to receive the result.',
  'submissions.errors.resultDeliveryNotOnline': 'A fully online service returns its result online or by public post — please choose one of these.',
  'submissions.errors.answersTooLarge': 'The form answers are too long.',
  'submissions.errors.cursorInvalid': 'Invalid page position; open the list again from the first page.',
  'submissions.errors.procedureRequired': 'Please name one procedure (by its code or its id).',
  'submissions.errors.deskRequired': 'Please choose where to submit (a public administrative service centre).',
  'submissions.errors.deskInvalid': 'The chosen desk is not an open public administrative service centre.',
  'submissions.errors.notYourDesk': 'You do not receive applications at this unit.',
  'submissions.errors.requirementByEForm': 'This document is declared through the electronic form — no file is needed.',
  'submissions.errors.tooManyFilesForDocument': 'At most {max} files can be attached for one document.',
  'submissions.errors.tooManyFiles': 'At most {max} files can be attached to one application.',
  'errors.SUBMISSION_NATIONAL_NO_GUIDE':
    'Submitted on the National Public Service Portal: the applicant completes it on that portal. Receive the application, or refuse it and name the missing documents in the reasons.',
  'submissions.errors.nationalProcedureUnknown': "Procedure {code} is not in the province's catalogue in force.",
  'submissions.errors.nationalProcedureNotOnline': 'The province does not offer procedure {code} online.',
  'submissions.errors.nationalDeskUnknown': 'Receiving agency code {code} is not an open one-stop desk of the province.',

  'submissions.state.DRAFT': 'Draft',
  'submissions.state.SUBMITTED': 'Awaiting online reception',
  'submissions.state.GUIDED': 'To be completed before reception',
  'submissions.state.ACCEPTED': 'Received',
  'submissions.state.REFUSED': 'Not received',
  'submissions.state.WITHDRAWN': 'Withdrawn',

  'submissions.timeline.created': 'Online application started.',
  'submissions.timeline.submitted': 'Submitted online, tracking reference {reference}; awaiting reception at {unit}.',
  'submissions.timeline.resubmitted': 'Submitted again after completion (tracking reference {reference}).',
  'submissions.timeline.accepted': 'Received as dossier {code}.',
  'submissions.timeline.guided': 'Asked to complete the application (slip {slip}): {items}. Reasons: {reasons}.',
  'submissions.timeline.refused': 'Reception refused (slip {slip}). Reasons: {reasons}.',
  'submissions.timeline.withdrawn': 'Withdrawn by the applicant.',

  'submissions.notice.submitted':
    'Online application {reference} ({procedureName}) reached {unit} at {at}. An officer will check it and tell you whether it is received; the dossier code and the appointment are issued on reception.',
  'submissions.notice.resubmitted': 'Online application {reference} ({procedureName}) was submitted again after completion at {at}.',
});

/** The submissions module's server messages, declared in its manifest. */
export const submissionMessages: MessageDeclaration[] = [vi, en];
