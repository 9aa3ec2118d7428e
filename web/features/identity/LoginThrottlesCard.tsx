import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePagerLabels } from '../../ui/usePaging';
import { useApiError } from '../../app/useApiError';
import { formatDateTime } from '../../ui/dates';
import { useClearLoginThrottle, useLoginThrottles } from './identity.api';
import type { LoginThrottle } from './identity.types';

/** Accounts and addresses whose sign-ins are being slowed down after failures, with a way to clear them (system administrators). */
export function LoginThrottlesCard() {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data, isFetching } = useLoginThrottles(true);
  const clear = useClearLoginThrottle();

  const subject = (r: LoginThrottle) => {
    if (r.scope === 'address') return t('identity.throttles.address', { address: r.address });
    if (r.userId) return `${r.userDisplayName ?? ''}${r.username ? ` (${r.username})` : ''}`;
    return t('identity.throttles.unknownLogin', { login: r.login });
  };

  return (
    <Card size="small" title={t('identity.throttles.title')} style={{ marginTop: 16 }} data-testid="login-throttles">
      <Typography.Paragraph type="secondary">{t('identity.throttles.hint')}</Typography.Paragraph>
      <Table<LoginThrottle>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, itemRender }}
        locale={{ emptyText: t('identity.throttles.empty') }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('identity.throttles.subject'), render: (_, r) => <Typography.Text strong={r.blockedUntil !== null}>{subject(r)}</Typography.Text> },
          { title: t('identity.throttles.scope'), width: 140, render: (_, r) => <Tag>{t(`identity.throttles.scopes.${r.scope}`)}</Tag> },
          { title: t('identity.throttles.failures'), dataIndex: 'failures', width: 110, align: 'right' },
          { title: t('identity.throttles.lastFailure'), dataIndex: 'lastFailureAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('identity.throttles.blockedUntil'),
            dataIndex: 'blockedUntil',
            width: 150,
            render: (v: string | null) =>
              v ? <Tag color="orange">{formatDateTime(v)}</Tag> : <Typography.Text type="secondary">{t('identity.throttles.counting')}</Typography.Text>,
          },
          {
            title: t('common.table.actions'),
            width: 90,
            render: (_, r) => (
              <Popconfirm
                title={t('identity.throttles.clearConfirm', { name: subject(r) })}
                okText={t('common.actions.confirm')}
                cancelText={t('common.actions.cancel')}
                onConfirm={() =>
                  clear.mutateAsync(r.id).then(
                    () => void message.success(t('identity.throttles.cleared')),
                    (err: unknown) => showError(err),
                  )
                }
              >
                <Button type="link" size="small">
                  {t('identity.throttles.clear')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
