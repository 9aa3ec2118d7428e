import { declareMessages, type MessageDeclaration } from '../../platform/i18n';

const vi = declareMessages('vi', {
  'dashboards.errors.unitNotFound': 'Không có đơn vị mã {code}.',
  'dashboards.errors.unitOutsideScope': 'Bạn không xem được số liệu của đơn vị này.',
  'dashboards.errors.periodInvalid': 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  'dashboards.errors.periodTooLong': 'Một lần xem tối đa {max} ngày.',
});

const en = declareMessages('en', {
  'dashboards.errors.unitNotFound': 'There is no unit with code {code}.',
  'dashboards.errors.unitOutsideScope': "You cannot read this unit's figures.",
  'dashboards.errors.periodInvalid': 'The start date must be on or before the end date.',
  'dashboards.errors.periodTooLong': 'One view covers at most {max} days.',
});

export const dashboardMessages: MessageDeclaration[] = [vi, en];
