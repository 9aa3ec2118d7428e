import { useEffect } from 'react';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import type { IntakeDecisionValues } from './intake-form';

interface IntakeDecisionModalProps {
  kind: 'guide' | 'refuse' | null;
  /** Documents not ticked on the checklist: the starting list of items to supplement. */
  missing: string[];
  onClose: () => void;
  onSubmit: (values: IntakeDecisionValues) => Promise<unknown>;
}

/** Guide to supplement (Mẫu 02: items + reason) or refuse (Mẫu 03: reasons) instead of receiving the dossier. */
export function IntakeDecisionModal({ kind, missing, onClose, onSubmit }: IntakeDecisionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeDecisionValues>();
  const guide = kind === 'guide';
  // The dialog's form lives before it opens; the unticked documents are known only when it does.
  useEffect(() => {
    if (kind === 'guide') form.setFieldsValue({ missingItems: missing.join('\n') });
  }, [kind, missing, form]);
  return (
    <FormModal<IntakeDecisionValues>
      open={kind !== null}
      title={guide ? t('dossiers.intake.guideTitle') : t('dossiers.intake.refuseTitle')}
      form={form}
      onClose={onClose}
      onSubmit={onSubmit}
      okText={guide ? t('dossiers.intake.guideSubmit') : t('dossiers.intake.refuseSubmit')}
      okDanger={!guide}
      width={640}
      testId="intake-decision-modal"
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={guide ? t('dossiers.intake.guideHint') : t('dossiers.intake.refuseHint')} />
      {guide ? (
        <Form.Item
          name="missingItems"
          label={t('dossiers.intake.missingItems')}
          extra={t('dossiers.intake.onePerLine')}
          rules={[{ required: true, whitespace: true, message: t('dossiers.intake.missingItemsRequired') }]}
        >
          <Input.TextArea rows={6} autoFocus />
        </Form.Item>
      ) : null}
      <Form.Item
        name="reasons"
        label={guide ? t('dossiers.intake.guideReason') : t('dossiers.intake.refuseReasons')}
        rules={[{ required: true, whitespace: true, message: t('dossiers.intake.reasonsRequired') }]}
      >
        <Input.TextArea rows={3} autoFocus={!guide} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
