import { Alert, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { toIsoDate } from '../../ui/dates';

/** Asks for the date the version takes effect, then publishes it. */
export function PublishModal({ open, onClose, onPublish }: { open: boolean; onClose: () => void; onPublish: (effectiveFrom: string | undefined) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ effectiveFrom?: Dayjs | null }>();
  return (
    <FormModal
      open={open}
      form={form}
      title={t('catalog.publish.title')}
      okText={t('catalog.publish.confirm')}
      onClose={onClose}
      initialValues={{ effectiveFrom: dayjs() }}
      testId="publish-form"
      onSubmit={(v) => onPublish(toIsoDate(v.effectiveFrom))}
    >
      <Alert type="info" showIcon title={t('catalog.publish.info')} style={{ marginBottom: 16 }} />
      <Form.Item name="effectiveFrom" label={t('catalog.publish.effectiveFrom')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
