import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'errors.PLAN_NOT_FOUND': 'Không tìm thấy kế hoạch cải cách hành chính.',
  'errors.PLAN_TASK_NOT_FOUND': 'Không tìm thấy nhiệm vụ của kế hoạch.',
  'plans.errors.unitUnknown': 'Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động.',
  'plans.errors.unitOutsidePlan': 'Đơn vị chủ trì phải thuộc phạm vi của đơn vị ban hành kế hoạch.',
  'plans.errors.deadlineOutsideYear': 'Thời hạn phải nằm trong năm {year} của kế hoạch.',
  'plans.errors.deadlineNotCovered': 'Lịch làm việc năm {year} chưa được công bố nên chưa tính được thời hạn.',
  'errors.PLAN_COMMITMENT_NOT_OPEN': 'Cam kết này không còn đang thực hiện nên không thể đưa vào kế hoạch.',
  'errors.PLAN_COMMITMENT_ADOPTED': 'Cam kết này đã là một nhiệm vụ của kế hoạch.',
  'errors.PLAN_IMPORT_FILE_INVALID': 'Không đọc được tệp Excel ({reason}).',
  'errors.PLAN_IMPORT_FILE_MISSING': 'Chưa chọn tệp Excel để nhập.',
  'plans.import.titleInvalid': 'Thiếu tên nhiệm vụ hoặc tên quá ngắn, quá dài.',
  'plans.import.areaUnknown': 'Không nhận ra lĩnh vực "{value}".',
  'plans.import.unitUnknown': 'Không tìm thấy đơn vị "{value}" (theo mã hoặc đúng tên) trong phạm vi kế hoạch.',
  'plans.import.unitAmbiguous': 'Có nhiều đơn vị cùng tên "{value}"; ghi mã đơn vị.',
  'plans.import.required': 'Ô này không được để trống.',
  'plans.import.dateInvalid': 'Thời hạn "{value}" không phải một ngày (dd/mm/yyyy).',
  'plans.import.productInvalid': 'Thiếu sản phẩm hoặc quá dài.',
  'plans.state.OPEN': 'Đang thực hiện',
  'plans.state.REPORTED': 'Đã báo cáo, chờ đánh giá',
  'plans.state.DONE': 'Đã hoàn thành',
});

const en = declareMessages('en', {
  'errors.PLAN_NOT_FOUND': 'Administrative-reform plan not found.',
  'errors.PLAN_TASK_NOT_FOUND': 'Plan task not found.',
  'plans.errors.unitUnknown': 'The unit chosen does not exist or has closed.',
  'plans.errors.unitOutsidePlan': 'The lead unit must be within the scope of the unit that issues the plan.',
  'plans.errors.deadlineOutsideYear': 'The deadline must fall within the plan year {year}.',
  'plans.errors.deadlineNotCovered': 'The working calendar of {year} is not published yet, so the deadline cannot be computed.',
  'errors.PLAN_COMMITMENT_NOT_OPEN': 'This commitment is no longer open, so it cannot be adopted into the plan.',
  'errors.PLAN_COMMITMENT_ADOPTED': 'This commitment is already a task of the plan.',
  'errors.PLAN_IMPORT_FILE_INVALID': 'The Excel file could not be read ({reason}).',
  'errors.PLAN_IMPORT_FILE_MISSING': 'No Excel file was chosen for import.',
  'plans.import.titleInvalid': 'The task is missing, too short or too long.',
  'plans.import.areaUnknown': 'The area "{value}" is not recognised.',
  'plans.import.unitUnknown': 'No unit "{value}" (by code or exact name) within the plan.',
  'plans.import.unitAmbiguous': 'Several units are named "{value}"; give the unit code.',
  'plans.import.required': 'This cell must not be empty.',
  'plans.import.dateInvalid': 'The deadline "{value}" is not a date (dd/mm/yyyy).',
  'plans.import.productInvalid': 'The output product is missing or too long.',
  'plans.state.OPEN': 'In progress',
  'plans.state.REPORTED': 'Reported, awaiting review',
  'plans.state.DONE': 'Done',
});

/** The plans module's messages, declared in its manifest. */
export const planMessages: MessageDeclaration[] = [vi, en];
