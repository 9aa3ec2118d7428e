import { useState } from 'react';
import { Button, Card, DatePicker, Form, Grid, Input, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import type { AuditEvent, ListAuditEventsQuery } from '../../../contracts/audit/audit.contracts';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/dates';
import { useAuditEvents } from './audit.api';
import { AuditChanges } from './AuditChanges';
import { UserPicker } from './UserPicker';
import { actionLabel } from './audit-labels';
import { SubjectLabel } from './SubjectLabel';
import { usePaging } from '../../ui/usePaging';

interface Filters {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Query = Omit<Partial<ListAuditEventsQuery>, 'page' | 'pageSize'>;

function toQuery(f: Filters): Query {
  const trim = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  const [from, to] = f.range ?? [null, null];
  return {
    actorId: f.actorId,
    action: trim(f.action),
    subjectType: trim(f.subjectType),
    subjectId: trim(f.subjectId),
    // Whole days in the browser's zone, sent with their offset.
    from: from ? from.startOf('day').format() : undefined,
    to: to ? to.endOf('day').format() : undefined,
  };
}

/** The audit log: filter by actor, action, subject and date range; each row expands to its before/after state. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>({});
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useAuditEvents({ ...query, page, pageSize });
  // On a phone the filters stack (label above field); inline they were wider than the screen (the date range alone).
  const narrow = Grid.useBreakpoint().sm === false;

  return (
    <>
      <PageHeader title={t('audit.log.title')} subtitle={t('audit.log.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout={narrow ? 'vertical' : 'inline'}
          onFinish={(f) => {
            setQuery(toQuery(f));
            restart();
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="actorId" label={t('audit.log.actor')}>
            <UserPicker />
          </Form.Item>
          <Form.Item name="action" label={t('audit.log.action')}>
            <Input allowClear={clearable} placeholder={t('audit.log.actionPlaceholder')} />
          </Form.Item>
          <Form.Item name="subjectType" label={t('audit.log.subjectType')}>
            <Input allowClear={clearable} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="subjectId" label={t('audit.log.subjectId')}>
            <Input allowClear={clearable} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.log.range')}>
            <DatePicker.RangePicker format="DD/MM/YYYY" style={narrow ? { width: '100%' } : undefined} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.actions.filter')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({});
                restart();
              }}
            >
              {t('common.actions.clearFilters')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 860 }}
          expandable={{ expandedRowRender: (e) => <AuditChanges event={e} /> }}
          pagination={pagination(data?.total ?? 0)}
          columns={[
            { title: t('audit.log.occurredAt'), dataIndex: 'occurredAt', width: 160, render: (v: string) => formatDateTime(v) },
            { title: t('audit.log.actor'), dataIndex: 'actorLabel', width: 200 },
            {
              title: t('audit.log.action'),
              dataIndex: 'action',
              render: (v: string) => (
                <span title={v} data-testid="audit-action">
                  {actionLabel(t, v)}
                </span>
              ),
            },
            { title: t('audit.log.subject'), render: (_, e) => <SubjectLabel type={e.subjectType} id={e.subjectId} /> },
            { title: t('audit.log.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
