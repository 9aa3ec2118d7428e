import { Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useResolveMismatch } from './payments.api';
import type { MismatchView } from './payments.types';

/** Records how a mismatch was dealt with (a refund, a bank enquiry, a correction): the text is required. */
export function ResolveMismatchModal({ mismatch, onClose }: { mismatch: MismatchView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ resolution: string }>();
  const resolve = useResolveMismatch();
  return (
    <FormModal
      open={mismatch !== null}
      title={t('payments.mismatches.resolveTitle')}
      form={form}
      name="payments-resolve"
      onClose={onClose}
      okText={t('payments.mismatches.resolveSubmit')}
      onSubmit={({ resolution }) => resolve.mutateAsync({ id: mismatch!.id, resolution: resolution.trim() })}
      testId="resolve-mismatch-modal"
      banner={
        mismatch ? (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'kind', label: t('payments.mismatches.kind'), children: t(`payments.mismatchKind.${mismatch.kind}`) },
              { key: 'txn', label: t('payments.mismatches.txnRef'), children: <span className="wrap-anywhere">{mismatch.txnRef}</span> },
            ]}
          />
        ) : null
      }
    >
      <Form.Item
        name="resolution"
        label={t('payments.mismatches.resolution')}
        extra={t('payments.mismatches.resolutionHint')}
        rules={[{ required: true, whitespace: true, message: t('payments.mismatches.resolutionRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="resolve-mismatch-text" />
      </Form.Item>
    </FormModal>
  );
}
