import { useState } from 'react';
import { Card, Flex, Input, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { ImportOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { LinkButton } from '../../ui/LinkButton';
import { STATUS_TEXT } from '../../ui/theme';
import { Link, useNavigate } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate, formatDateTime } from '../../ui/dates';
import { useMe } from '../identity/identity.api';
import { useVersions } from './catalog.api';
import { CATALOG_ACTIONS, VERSION_STATUSES, type VersionStatus, type VersionSummary } from './catalog.types';
import { VersionStatusTag } from './VersionStatusTag';
import { usePaging } from '../../ui/usePaging';

type StatusFilter = VersionStatus | 'all';

/** The catalogue's versions: search, status filter, paging; entry to create, import and edit. */
export function ProceduresAdminPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useVersions({ q: q || undefined, status: status === 'all' ? undefined : status, page, pageSize });

  return (
    <>
      <PageHeader
        title={t('catalog.list.title')}
        extra={
          <>
            {hasAction(me?.actions, CATALOG_ACTIONS.import) && (
              <LinkButton to="/admin/procedures/import" icon={<ImportOutlined />}>
                {t('catalog.list.import')}
              </LinkButton>
            )}
            {hasAction(me?.actions, CATALOG_ACTIONS.manage) && (
              <LinkButton to="/admin/procedures/new" type="primary" icon={<PlusOutlined />} data-testid="create-procedure">
                {t('catalog.list.create')}
              </LinkButton>
            )}
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Input.Search
            allowClear={clearable}
            placeholder={t('catalog.list.searchPlaceholder')}
            aria-label={t('catalog.list.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v);
              restart();
            }}
            style={{ maxWidth: 360 }}
          />
          <Segmented<StatusFilter>
            aria-label={t('catalog.list.status')}
            // On a phone the statuses scroll sideways inside the control instead of widening the page.
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              restart();
            }}
            options={[{ value: 'all', label: t('catalog.list.allStatuses') }, ...VERSION_STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))]}
          />
        </Flex>
        <Table<VersionSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          onRow={(v) => ({ onDoubleClick: () => void navigate(`/admin/procedures/${v.id}`) })}
          pagination={pagination(data?.total ?? 0)}
          columns={[
            { title: t('catalog.list.code'), dataIndex: 'code', width: 130, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            {
              title: t('catalog.list.name'),
              dataIndex: 'name',
              render: (name: string, v) => (
                <div className="wrap-anywhere">
                  <Link to={`/admin/procedures/${v.id}`}>{name}</Link>
                  {!v.timeReadable && (
                    <Tooltip title={t('catalog.list.timeUnreadable')}>
                      <WarningOutlined style={{ color: STATUS_TEXT.warning, marginInlineStart: 6 }} aria-label={t('catalog.list.timeUnreadable')} />
                    </Tooltip>
                  )}
                  {v.field ? (
                    <div>
                      <Typography.Text type="secondary">{v.field}</Typography.Text>
                    </div>
                  ) : null}
                </div>
              ),
            },
            { title: t('catalog.list.revision'), dataIndex: 'revision', width: 90, align: 'center', render: (r: number) => <Tag>{t('catalog.list.revisionN', { n: r })}</Tag> },
            { title: t('catalog.list.status'), dataIndex: 'status', width: 120, render: (s: VersionStatus) => <VersionStatusTag status={s} /> },
            {
              title: t('catalog.list.effective'),
              width: 130,
              render: (_, v) =>
                v.effectiveFrom ? `${formatDate(v.effectiveFrom)}${v.effectiveTo ? ` – ${formatDate(v.effectiveTo)}` : ''}` : <Typography.Text type="secondary">—</Typography.Text>,
            },
            { title: t('catalog.list.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (d: string) => formatDateTime(d) },
          ]}
        />
      </Card>
    </>
  );
}
