import { Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useCreateUser, useUpdateUser } from './identity.api';
import type { GrantInput, User } from './identity.types';
import { GrantsEditor } from './GrantsEditor';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  password?: string;
  grants: GrantInput[];
}

/** What the modal is doing: a new officer (optionally pre-placed in a unit) or editing one. */
export type OfficerFormTarget = { mode: 'create'; orgUnitId?: string } | { mode: 'edit'; user: User };

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Create or edit an officer account with its role grants. */
export function OfficerFormModal({ target, onClose }: { target: OfficerFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;
  const required = [{ required: true, message: t('common.validation.required') }];

  const initialValues: Partial<Values> = editing
    ? {
        username: editing.username ?? '',
        displayName: editing.displayName,
        email: editing.email ?? undefined,
        phone: editing.phone ?? undefined,
        grants: editing.grants.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId })),
      }
    : // A new officer starts with one reception grant, in the unit the list is filtered on if any.
      { grants: [{ role: 'reception-officer', ...(target?.mode === 'create' && target.orgUnitId ? { orgUnitId: target.orgUnitId } : {}) } as GrantInput] };

  return (
    <FormModal<Values>
      open={target !== null}
      form={form}
      width={640}
      title={editing ? t('identity.officers.editTitle', { name: editing.displayName }) : t('identity.officers.createTitle')}
      onClose={onClose}
      initialValues={initialValues}
      testId="officer-form"
      onSubmit={async (v) => {
        const common = { displayName: v.displayName, email: blankToNull(v.email), phone: blankToNull(v.phone), grants: v.grants };
        if (editing) await update.mutateAsync({ id: editing.id, ...common, version: editing.version });
        else await create.mutateAsync({ ...common, username: v.username, password: v.password ?? '' });
      }}
    >
      <Form.Item name="username" label={t('identity.officers.username')} rules={required} extra={editing ? undefined : t('identity.officers.usernameHint')}>
        <Input disabled={!!editing} autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="displayName" label={t('identity.officers.displayName')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="email" label={t('identity.officers.email')} rules={[{ type: 'email', message: t('common.validation.email') }]}>
        <Input type="email" maxLength={254} />
      </Form.Item>
      <Form.Item name="phone" label={t('identity.officers.phone')}>
        <Input type="tel" maxLength={20} />
      </Form.Item>
      {!editing && (
        <Form.Item name="password" label={t('identity.officers.password')} rules={required} extra={t('identity.password.hint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Divider titlePlacement="start">{t('identity.officers.grants')}</Divider>
      <GrantsEditor />
    </FormModal>
  );
}
