import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { hasAction } from '../../app/admin-menu';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/dates';
import { useMe, useSetUserEnabled, useUsers } from './identity.api';
import { IDENTITY_ACTIONS, ROLES, type Role, type User } from './identity.types';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { OfficerFormModal, type OfficerFormTarget } from './OfficerFormModal';
import { LoginThrottlesCard } from './LoginThrottlesCard';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserStatusTag } from './UserStatusTag';
import { usePaging } from '../../ui/usePaging';

/** Officer accounts: search, filter by unit and role, create, edit, disable/enable, reset password; throttled sign-ins for system administrators. */
export function OfficersPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | undefined>();
  const { page, pageSize, restart, pagination } = usePaging();
  const [formTarget, setFormTarget] = useState<OfficerFormTarget | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const setEnabled = useSetUserEnabled();
  const can = (a: string) => hasAction(me?.actions, a);

  const { data, isFetching } = useUsers({ kind: 'officer', q: q || undefined, orgUnitId: orgUnitId ?? undefined, role, page, pageSize });

  const toggle = (user: User) =>
    setEnabled.mutateAsync({ id: user.id, enabled: user.disabled }).then(
      () => void message.success(user.disabled ? t('identity.officers.enabled') : t('identity.officers.disabled')),
      (err: unknown) => showError(err),
    );

  return (
    <>
      <PageHeader
        title={t('identity.officers.title')}
        extra={
          can(IDENTITY_ACTIONS.createUser) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', orgUnitId: orgUnitId ?? undefined })} data-testid="create-officer">
              {t('identity.officers.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear={clearable}
            placeholder={t('identity.officers.searchPlaceholder')}
            aria-label={t('identity.officers.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v);
              restart();
            }}
            style={{ maxWidth: 320 }}
          />
          <OrgUnitTreeSelect
            value={orgUnitId}
            onChange={(v) => {
              setOrgUnitId((v as string | null) ?? null);
              restart();
            }}
            placeholder={t('identity.officers.filterUnit')}
            aria-label={t('identity.officers.filterUnit')}
            style={{ width: 280, maxWidth: '100%' }}
          />
          <Select
            allowClear
            placeholder={t('identity.officers.filterRole')}
            aria-label={t('identity.officers.filterRole')}
            value={role}
            onChange={(v) => {
              setRole(v);
              restart();
            }}
            options={ROLES.map((r) => ({ value: r, label: t(`identity.roles.${r}`) }))}
            style={{ minWidth: 200 }}
          />
        </Flex>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1080 }}
          pagination={pagination(data?.total ?? 0)}
          columns={[
            {
              title: t('identity.officers.displayName'),
              width: 200,
              render: (_, u) => (
                <div>
                  <Typography.Text strong>{u.displayName}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{u.username}</Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('identity.officers.contact'),
              width: 230,
              render: (_, u) => (
                <div className="wrap-anywhere">
                  {u.email ? <div>{u.email}</div> : null}
                  {u.phone ? <div>{u.phone}</div> : null}
                </div>
              ),
            },
            {
              title: t('identity.officers.grants'),
              render: (_, u) => (
                <Flex vertical gap={4}>
                  {u.grants.map((g) => (
                    <Tag key={`${g.role}:${g.orgUnitId}`} color="blue" style={{ whiteSpace: 'normal' }}>
                      {t(`identity.roles.${g.role}`)} — {g.orgUnitName}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            { title: t('identity.officers.status'), width: 130, render: (_, u) => <UserStatusTag user={u} /> },
            {
              title: t('identity.officers.lastLogin'),
              dataIndex: 'lastLoginAt',
              width: 140,
              render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('identity.officers.never')}</Typography.Text>),
            },
            {
              title: t('common.table.actions'),
              width: 150,
              render: (_, u) => (
                <Flex vertical align="start">
                  {can(IDENTITY_ACTIONS.updateUser) && (
                    <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', user: u })}>
                      {t('common.actions.edit')}
                    </Button>
                  )}
                  {can(IDENTITY_ACTIONS.disableUser) && u.id !== me?.id && (
                    <Popconfirm
                      title={u.disabled ? t('identity.officers.enableConfirm', { name: u.displayName }) : t('identity.officers.disableConfirm', { name: u.displayName })}
                      okText={t('common.actions.confirm')}
                      cancelText={t('common.actions.cancel')}
                      onConfirm={() => toggle(u)}
                    >
                      <Button type="link" size="small" danger={!u.disabled}>
                        {u.disabled ? t('identity.officers.enable') : t('identity.officers.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  {can(IDENTITY_ACTIONS.resetPassword) && (
                    <Button type="link" size="small" onClick={() => setResetting(u)}>
                      {t('identity.officers.resetPassword')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {can(IDENTITY_ACTIONS.manageLoginThrottles) && <LoginThrottlesCard />}
      <OfficerFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
