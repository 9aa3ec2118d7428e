import { Button, Card, Flex, Table, Typography } from 'antd';
import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { usePagerLabels } from '../../ui/usePaging';
import { INCOMING_STATES } from '../../../contracts/documents/documents.values';
import type { IncomingSummary } from '../../../contracts/documents/documents.contracts';
import { formatDate } from '../../ui/dates';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { BookButton } from './BookButton';
import { DOCUMENT_PATHS, DOCUMENT_POLICY, useIncomingList } from './documents.api';
import { DocumentDue } from './DocumentDue';
import { IncomingStateTag, UrgencyTag } from './DocumentTags';
import { RegisterFilters, useRegisterParams } from './RegisterFilters';

/** Roles whose unit's book the download offers first (the register's keeper, then the leader). */
const BOOK_ROLES = ['clerk', 'leader', 'specialist'];

/**
 * `/admin/documents/incoming`: the incoming register (sổ văn bản đến, NĐ 30/2020 Điều 22) of the officer's units, newest
 * arrival number first, with overdue handling marked; the clerk registers new arrivals from here, and the yearly book
 * downloads as Excel. Filters and paging live in the address.
 */
export function IncomingRegisterPage() {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  const { data: me } = useMe();
  const { view, update, pageSizes } = useRegisterParams(INCOMING_STATES);
  const { data, isFetching, refetch } = useIncomingList({
    q: view.q || undefined,
    state: view.state,
    unitId: view.unitId,
    year: view.year,
    overdue: view.overdue || undefined,
    assignedToMe: view.assignedToMe || undefined,
    page: view.page,
    pageSize: view.pageSize,
  });

  return (
    <>
      <PageHeader
        title={t('documents.incoming.list.title')}
        subtitle={t('documents.incoming.list.subtitle')}
        extra={
          <>
            {hasAction(me?.actions, DOCUMENT_POLICY.register) ? (
              <LinkButton to={DOCUMENT_PATHS.incomingNew} type="primary" icon={<FormOutlined aria-hidden />} data-testid="incoming-register">
                {t('documents.incoming.list.register')}
              </LinkButton>
            ) : null}
            <BookButton kind="incoming" unitId={view.unitId} year={view.year} roles={BOOK_ROLES} />
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void refetch()} data-testid="incoming-refresh">
              {t('documents.refresh')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <RegisterFilters kind="incoming" states={INCOMING_STATES} view={view} update={update} />
        <Table<IncomingSummary>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          // Wide on purpose: on a phone the table scrolls inside its card, never the page.
          scroll={{ x: 1000 }}
          pagination={{
            current: view.page,
            pageSize: view.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: pageSizes,
            showSizeChanger: true,
            showTotal: (n) => t('common.table.total', { total: n }),
            itemRender,
            onChange: (p, s) => update({ page: p > 1 ? p : undefined, pageSize: s === 20 ? undefined : s }),
          }}
          locale={{ emptyText: t('documents.incoming.list.empty') }}
          data-testid="incoming-table"
          columns={[
            {
              title: t('documents.fields.arrivalNumber'),
              dataIndex: 'arrivalNumber',
              width: 70,
              render: (n: number, r) => (
                <Link to={DOCUMENT_PATHS.incomingOne(r.id)} data-testid={`incoming-link-${r.id}`} aria-label={t('documents.incoming.list.open', { number: n })}>
                  {n}
                </Link>
              ),
            },
            {
              title: t('documents.fields.arrivalDate'),
              dataIndex: 'receivedAt',
              width: 125,
              render: (v: string, r) => (
                <Flex vertical gap={2}>
                  <span>{formatInstant(v)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`documents.receivedVia.${r.receivedVia}`)}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('documents.fields.sender'), dataIndex: 'senderName', width: 160, render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            {
              title: t('documents.fields.numberSymbol'),
              dataIndex: 'numberSymbol',
              width: 135,
              render: (v: string, r) => (
                <Flex vertical gap={2}>
                  <span className="wrap-anywhere">{v}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(r.issuedOn)}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('documents.fields.subject'), dataIndex: 'subject', render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            {
              title: t('documents.fields.state'),
              dataIndex: 'state',
              width: 140,
              render: (_: unknown, r) => (
                <Flex vertical gap={4} align="flex-start">
                  <IncomingStateTag state={r.state} />
                  {r.urgency === 'normal' ? null : <UrgencyTag urgency={r.urgency} />}
                </Flex>
              ),
            },
            {
              title: t('documents.fields.due'),
              dataIndex: 'dueAt',
              width: 140,
              render: (_: unknown, r) => <DocumentDue dueAt={r.dueAt} overdue={r.overdue} compact />,
            },
          ]}
        />
      </Card>
    </>
  );
}
