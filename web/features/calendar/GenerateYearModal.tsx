import { Alert, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';

/** Asks which year to draft from the statutory days off. */
export function GenerateYearModal({
  open,
  suggested,
  onClose,
  onGenerate,
}: {
  open: boolean;
  suggested: number;
  onClose: () => void;
  onGenerate: (year: number) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number }>();
  return (
    <FormModal
      open={open}
      form={form}
      title={t('calendar.generate.title')}
      okText={t('calendar.generate.confirm')}
      onClose={onClose}
      initialValues={{ year: suggested }}
      testId="generate-form"
      onSubmit={(v) => onGenerate(v.year)}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('calendar.generate.info')} />
      <Form.Item name="year" label={t('calendar.generate.year')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
