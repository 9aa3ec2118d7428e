import { useState } from 'react';
import { Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { EditOutlined, EyeOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { PageTitle } from '../../ui/PageTitle';
import { usePagerLabels } from '../../ui/usePaging';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { ACCOUNT_PATHS } from '../portal-account/account-form';
import { SubmissionStateTag } from './SubmissionStateTag';
import { EDITABLE, SUBMISSION_PATHS } from './submission-form';
import { useMySubmissions } from './submissions.api';
import type { SubmissionSummary } from './submissions.types';

const PAGE_SIZE = 10;

/** What one application's entry offers: continue writing, complete after a guide, or see it. */
function ActionOf({ s }: { s: SubmissionSummary }) {
  const { t } = useTranslation();
  if (EDITABLE.includes(s.state)) {
    return (
      <LinkButton type="primary" to={SUBMISSION_PATHS.one(s.id)} icon={<EditOutlined />} data-testid="resume">
        {s.state === 'GUIDED' ? t('submissions.mine.complete') : t('submissions.mine.resume')}
      </LinkButton>
    );
  }
  return (
    <LinkButton to={SUBMISSION_PATHS.one(s.id)} icon={<EyeOutlined />} data-testid="view">
      {t('submissions.mine.view')}
    </LinkButton>
  );
}

/**
 * `/ho-so-nop-truc-tuyen`: the account's online applications, most recently changed first — drafts to continue (on any
 * device), guided ones to complete, and what the desk decided with its slip.
 */
export function MySubmissionsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const itemRender = usePagerLabels();
  const { data: me, isPending: mePending } = useMe();
  const citizen = me?.kind === 'citizen';
  const { data, isPending } = useMySubmissions({ page, pageSize: PAGE_SIZE }, citizen);

  if (mePending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!me) return <Navigate to={`${ACCOUNT_PATHS.signIn}?next=${encodeURIComponent(SUBMISSION_PATHS.mine)}`} replace />;
  if (!citizen) return <PageTitle>{t('submissions.page.officer')}</PageTitle>;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('submissions.mine.title')}
        subtitle={t('submissions.mine.subtitle')}
        extra={
          <LinkButton to="/thu-tuc" icon={<SearchOutlined />}>
            {t('submissions.mine.findProcedure')}
          </LinkButton>
        }
      />
      <Card>
        {isPending ? (
          <Skeleton active />
        ) : (
          <List
            data-testid="my-submissions"
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={t('submissions.mine.empty')} /> }}
            pagination={
              (data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, align: 'center', itemRender }
                : false
            }
            renderItem={(s) => (
              <List.Item key={s.id} data-testid={`submission-${s.id}`} actions={[<ActionOf key="action" s={s} />]} style={{ flexWrap: 'wrap', gap: 8 }}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 280px' }}>
                  <Link to={SUBMISSION_PATHS.one(s.id)} className="wrap-anywhere" style={{ fontWeight: 600 }}>
                    {s.procedureName}
                  </Link>
                  <Flex wrap gap={6} align="center">
                    <SubmissionStateTag state={s.state} />
                    {s.reference ? <Typography.Text>{t('submissions.fields.referenceValue', { reference: s.reference })}</Typography.Text> : null}
                    {s.dossierCode ? (
                      <Typography.Text strong data-testid="dossier-code">
                        {t('submissions.mine.dossierCode', { code: s.dossierCode })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  <Typography.Text type="secondary" className="wrap-anywhere">
                    {s.submittedAt ? t('submissions.mine.submittedAt', { at: formatInstant(s.submittedAt) }) : t('submissions.mine.updatedAt', { at: formatInstant(s.updatedAt) })}{' '}
                    — {s.receivingUnit.name}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
