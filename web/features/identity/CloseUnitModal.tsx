import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { toIsoDate } from '../../ui/dates';
import { useCloseOrgUnit } from './identity.api';
import type { OrgUnit } from './identity.types';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';

interface Values {
  validTo: Dayjs;
  successorId?: string | null;
  reason: string;
}

/** Closes a unit (it is kept for history) and names the unit that takes over its work (domain README §14.1). */
export function CloseUnitModal({ unit, onClose }: { unit: OrgUnit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const close = useCloseOrgUnit();
  return (
    <FormModal<Values>
      open={unit !== null}
      form={form}
      title={t('identity.units.closeTitle', { name: unit?.name ?? '' })}
      okText={t('identity.units.closeConfirm')}
      okDanger
      onClose={onClose}
      initialValues={{ validTo: dayjs() }}
      testId="close-unit-form"
      onSubmit={(v) => close.mutateAsync({ id: unit!.id, validTo: toIsoDate(v.validTo)!, successorId: v.successorId ?? null, reason: v.reason })}
    >
      <Alert type="warning" showIcon title={t('identity.units.closeWarning')} style={{ marginBottom: 16 }} />
      <Form.Item name="validTo" label={t('identity.units.validTo')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="successorId" label={t('identity.units.successor')} extra={t('identity.units.successorHint')}>
        <OrgUnitTreeSelect disabledIds={unit ? [unit.id] : []} />
      </Form.Item>
      <Form.Item name="reason" label={t('identity.units.reason')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
