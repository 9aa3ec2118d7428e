import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'dashboards.errors.unitNotFound': 'Không có đơn vị mã {code}.',
  'dashboards.errors.unitOutsideScope': 'Bạn không xem được số liệu của đơn vị này.',
  'dashboards.errors.periodInvalid': 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  'dashboards.errors.periodTooLong': 'Một lần xem tối đa {max} ngày.',
  'dashboards.errors.procedureNotFound': 'Không có thủ tục mã {code}.',
  'dashboards.errors.procedureNotInField': 'Thủ tục mã {code} không thuộc lĩnh vực {field}.',
  'dashboards.errors.fieldNotFound': 'Không có thủ tục nào thuộc lĩnh vực {field}.',
});

const en = declareMessages('en', {
  'dashboards.errors.unitNotFound': 'There is no unit with code {code}.',
  'dashboards.errors.unitOutsideScope': "You cannot read this unit's figures.",
  'dashboards.errors.periodInvalid': 'The start date must be on or before the end date.',
  'dashboards.errors.periodTooLong': 'One view covers at most {max} days.',
  'dashboards.errors.procedureNotFound': 'There is no procedure with code {code}.',
  'dashboards.errors.procedureNotInField': 'Procedure {code} is not in the field {field}.',
  'dashboards.errors.fieldNotFound': 'No procedure is in the field {field}.',
});

export const dashboardMessages: MessageDeclaration[] = [vi, en];
