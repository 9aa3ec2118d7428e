import { Button, Card, Flex, Table, Typography } from 'antd';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { formatDate } from '../../ui/dates';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { usePagerLabels } from '../../ui/usePaging';
import { OUTGOING_STATES } from '../../../contracts/documents/documents.values';
import type { OutgoingSummary } from '../../../contracts/documents/documents.contracts';
import { useMe } from '../identity/identity.api';
import { BookButton } from './BookButton';
import { DOCUMENT_PATHS, DOCUMENT_POLICY, useOutgoingList } from './documents.api';
import { OutgoingStateTag, UrgencyTag } from './DocumentTags';
import { RegisterFilters, useRegisterParams } from './RegisterFilters';

/** Roles whose unit's book the download offers first. */
const BOOK_ROLES = ['clerk', 'leader', 'specialist'];

/**
 * `/admin/documents/outgoing`: the outgoing register (sổ văn bản đi) of the officer's units — drafts in review and
 * issued documents with their number and symbol; specialists and leaders draft new ones from here, and the yearly book
 * downloads as Excel. Filters and paging live in the address.
 */
export function OutgoingRegisterPage() {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  const { data: me } = useMe();
  const { view, update, pageSizes } = useRegisterParams(OUTGOING_STATES);
  const { data, isFetching, refetch } = useOutgoingList({
    q: view.q || undefined,
    state: view.state,
    unitId: view.unitId,
    year: view.year,
    page: view.page,
    pageSize: view.pageSize,
  });

  return (
    <>
      <PageHeader
        title={t('documents.outgoing.list.title')}
        subtitle={t('documents.outgoing.list.subtitle')}
        extra={
          <>
            {hasAction(me?.actions, DOCUMENT_POLICY.draft) ? (
              <LinkButton to={DOCUMENT_PATHS.outgoingNew} type="primary" icon={<EditOutlined aria-hidden />} data-testid="outgoing-create">
                {t('documents.outgoing.list.create')}
              </LinkButton>
            ) : null}
            <BookButton kind="outgoing" unitId={view.unitId} year={view.year} roles={BOOK_ROLES} />
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void refetch()} data-testid="outgoing-refresh">
              {t('documents.refresh')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <RegisterFilters kind="outgoing" states={OUTGOING_STATES} view={view} update={update} />
        <Table<OutgoingSummary>
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
          locale={{ emptyText: t('documents.outgoing.list.empty') }}
          data-testid="outgoing-table"
          columns={[
            {
              title: t('documents.fields.numberSymbol'),
              dataIndex: 'numberSymbol',
              width: 170,
              render: (v: string | null, r) => (
                <Link to={DOCUMENT_PATHS.outgoingOne(r.id)} className="wrap-anywhere" data-testid={`outgoing-link-${r.id}`}>
                  {v ?? t('documents.outgoing.list.draftNoNumber')}
                </Link>
              ),
            },
            { title: t('documents.fields.issuedDate'), dataIndex: 'issuedOn', width: 120, render: (v: string | null) => formatDate(v) },
            {
              title: t('documents.fields.subject'),
              dataIndex: 'subject',
              render: (v: string, r) => (
                <Flex vertical gap={2}>
                  <span className="wrap-anywhere">{v}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.typeName}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('documents.fields.draftingUnit'), dataIndex: ['draftingUnit', 'name'], width: 200, render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            {
              title: t('documents.fields.state'),
              dataIndex: 'state',
              width: 170,
              render: (_: unknown, r) => (
                <Flex vertical gap={4} align="flex-start">
                  <OutgoingStateTag state={r.state} />
                  {r.urgency === 'normal' ? null : <UrgencyTag urgency={r.urgency} />}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
