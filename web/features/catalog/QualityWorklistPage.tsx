import { useState } from 'react';
import { Alert, Badge, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { usePaging } from '../../ui/usePaging';
import { useQualityWorklist } from './catalog.api';
import { QUALITY_ISSUES, type QualityIssue, type VersionStatus, type WorklistItem } from './catalog.types';
import { VersionStatusTag } from './VersionStatusTag';

type IssueFilter = QualityIssue | 'all';

/**
 * The catalog administrator's data-quality worklist (issue 9 item 9): procedures whose time no deadline can be
 * computed from, without an online service level, with fees not read as an amount, or with documents the importer
 * could not group. These notes stay here, off the public pages. A unit administrator sees their units' procedures only
 * (the ones they can correct), and is told so.
 */
export function QualityWorklistPage() {
  const { t } = useTranslation();
  const [issue, setIssue] = useState<IssueFilter>('all');
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useQualityWorklist({ issue: issue === 'all' ? undefined : issue, page, pageSize });

  return (
    <>
      <PageHeader title={t('catalog.quality.title')} subtitle={t('catalog.quality.subtitle')} />
      {data && !data.scope.all ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('catalog.quality.scopeUnits', { units: data.scope.units.map((u) => u.name).join(', ') })}
          data-testid="quality-scope"
        />
      ) : null}
      <Card size="small">
        <Segmented<IssueFilter>
          aria-label={t('catalog.quality.issueFilter')}
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          value={issue}
          onChange={(v) => {
            setIssue(v);
            restart();
          }}
          options={[
            { value: 'all', label: t('catalog.quality.all') },
            ...QUALITY_ISSUES.map((i) => ({
              value: i,
              label: (
                <Space size={4}>
                  {t(`catalog.quality.issues.${i}`)}
                  <Badge count={data?.counts[i] ?? 0} showZero color={data?.counts[i] ? '#d48806' : '#bfbfbf'} />
                </Space>
              ),
            })),
          ]}
          data-testid="quality-filter"
        />
        <Table<WorklistItem>
          rowKey="versionId"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 760 }}
          pagination={pagination(data?.total ?? 0)}
          data-testid="quality-table"
          columns={[
            { title: t('catalog.list.code'), dataIndex: 'code', width: 120, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            {
              title: t('catalog.list.name'),
              dataIndex: 'name',
              render: (name: string, v) => (
                <div className="wrap-anywhere">
                  <Link to={`/admin/procedures/${v.versionId}`}>{name}</Link>
                </div>
              ),
            },
            { title: t('catalog.list.status'), dataIndex: 'status', width: 110, render: (s: VersionStatus) => <VersionStatusTag status={s} /> },
            {
              title: t('catalog.quality.findings'),
              width: 340,
              render: (_, v) => (
                <Space direction="vertical" size={2}>
                  {v.issues.map((i) => (
                    <div key={i} className="wrap-anywhere">
                      <Tag color="warning">{t(`catalog.quality.issues.${i}`)}</Tag>
                      <Typography.Text type="secondary">
                        {i === 'time-unreadable'
                          ? t('catalog.quality.timeText', { text: v.timeText ?? '—' })
                          : i === 'fee-unparsed'
                            ? v.unparsedFees.join('; ')
                            : i === 'document-groups-unreadable'
                              ? t('catalog.quality.documents', { count: v.documentIssues })
                              : ''}
                      </Typography.Text>
                    </div>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
