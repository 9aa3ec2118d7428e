import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { toIsoDate } from '../../ui/dates';
import { useCreateOrgUnit, useUpdateOrgUnit } from './identity.api';
import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from './identity.types';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: OrgUnitKind;
  parentId?: string | null;
  validFrom?: Dayjs | null;
}

/** What the modal is doing: adding a unit (optionally under a parent) or editing one. */
export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: OrgUnit };

/** Create or edit an organisation unit. */
export function UnitFormModal({ target, onClose }: { target: UnitFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const editing = target?.mode === 'edit' ? target.unit : null;
  const required = [{ required: true, message: t('common.validation.required') }];

  const initialValues: Partial<Values> = editing
    ? { code: editing.code, name: editing.name, shortName: editing.shortName ?? undefined, kind: editing.kind }
    : { parentId: target?.mode === 'create' ? target.parentId : null, kind: 'commune' };

  return (
    <FormModal<Values>
      open={target !== null}
      form={form}
      title={editing ? t('identity.units.editTitle', { name: editing.name }) : t('identity.units.createTitle')}
      onClose={onClose}
      initialValues={initialValues}
      testId="unit-form"
      onSubmit={async (v) => {
        const shortName = v.shortName?.trim() ? v.shortName.trim() : null;
        if (editing) {
          await update.mutateAsync({ id: editing.id, code: v.code, name: v.name, shortName, kind: v.kind, version: editing.version });
        } else {
          await create.mutateAsync({ code: v.code, name: v.name, shortName, kind: v.kind, parentId: v.parentId ?? null, validFrom: toIsoDate(v.validFrom) });
        }
      }}
    >
      {!editing && (
        <Form.Item name="parentId" label={t('identity.units.parent')} extra={t('identity.units.parentHint')}>
          <OrgUnitTreeSelect placeholder={t('identity.units.noParent')} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('identity.units.name')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="shortName" label={t('identity.units.shortName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="code" label={t('identity.units.code')} rules={required} extra={t('identity.units.codeHint')}>
        <Input maxLength={35} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item name="kind" label={t('identity.units.kind')} rules={required}>
        <Select options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`identity.kinds.${k}`) }))} />
      </Form.Item>
      {!editing && (
        <Form.Item name="validFrom" label={t('identity.units.validFrom')} extra={t('identity.units.validFromHint')}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
