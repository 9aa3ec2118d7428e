import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { toIsoDate } from '../../ui/dates';

/** Withdraws a published version with a reason and an optional end date. */
export function WithdrawModal({
  open,
  onClose,
  onWithdraw,
}: {
  open: boolean;
  onClose: () => void;
  onWithdraw: (reason: string, effectiveTo: string | undefined) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; effectiveTo?: Dayjs | null }>();
  return (
    <FormModal
      open={open}
      form={form}
      title={t('catalog.withdraw.title')}
      okText={t('catalog.withdraw.confirm')}
      okDanger
      onClose={onClose}
      testId="withdraw-form"
      onSubmit={(v) => onWithdraw(v.reason, toIsoDate(v.effectiveTo))}
    >
      <Alert type="warning" showIcon title={t('catalog.withdraw.warning')} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('catalog.withdraw.reason')} rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="effectiveTo" label={t('catalog.withdraw.effectiveTo')} extra={t('catalog.withdraw.effectiveToHint')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
