import type { ReactNode } from 'react';
import { Alert, Form, Input, List, Skeleton, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import type { ChangedDay, ImpactResponse } from './calendar.types';
import { dateWithWeekday } from './calendar.format';

/**
 * Shows how many open items each module would move and which dates change, then asks for a reason before
 * the change is applied: a stored due instant never moves unseen (domain README §19 row 10).
 */
export function ConfirmChangeModal({
  open,
  title,
  okText,
  impactKey,
  loadImpact,
  intro,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: ReactNode;
  okText: ReactNode;
  /** Identifies the change being previewed (part of the query key). */
  impactKey: readonly unknown[];
  loadImpact: () => Promise<ImpactResponse>;
  intro?: ReactNode;
  onClose: () => void;
  onConfirm: (reason: string, acknowledgedImpact: number) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  // Outside calendarKeys.all: a successful change must not refetch the preview of what it just applied.
  const impact = useQuery({ queryKey: ['calendar-impact', ...impactKey], queryFn: loadImpact, enabled: open, gcTime: 0, staleTime: 0 });
  const describe = (d: ChangedDay['before']) =>
    d
      ? d.working
        ? t('calendar.impact.workingMinutes', { hours: d.minutes / 60 })
        : d.reason === 'weekend'
          ? t('calendar.legend.weekend')
          : (d.reason ?? t('calendar.legend.day-off'))
      : '—';
  return (
    <FormModal
      open={open}
      form={form}
      title={title}
      okText={okText}
      width={680}
      onClose={onClose}
      testId="confirm-change"
      onSubmit={async (v) => {
        const data = impact.data ?? (await impact.refetch()).data;
        if (!data) throw impact.error ?? new Error('impact not loaded');
        await onConfirm(v.reason, data.total);
      }}
    >
      {intro}
      {impact.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : impact.error ? (
        <Alert type="error" showIcon title={impact.error.message} style={{ marginBottom: 16 }} />
      ) : (
        <>
          <Alert
            type={impact.data.total > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="impact-total"
            title={impact.data.total > 0 ? t('calendar.impact.willMove', { count: impact.data.total }) : t('calendar.impact.nothingMoves')}
            description={t('calendar.impact.explain')}
          />
          {impact.data.modules.length > 0 ? (
            <List
              size="small"
              bordered
              style={{ marginBottom: 12 }}
              header={<Typography.Text strong>{t('calendar.impact.byModule')}</Typography.Text>}
              dataSource={impact.data.modules}
              renderItem={(m) => (
                <List.Item extra={<Tag color={m.affected > 0 ? 'orange' : 'default'}>{m.affected}</Tag>}>{t(`calendar.modules.${m.module}`, { defaultValue: m.module })}</List.Item>
              )}
            />
          ) : null}
          {impact.data.newYear ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('calendar.impact.newYear')} /> : null}
          {impact.data.changedDays.length > 0 ? (
            <Table
              size="small"
              rowKey="date"
              style={{ marginBottom: 12 }}
              pagination={false}
              scroll={{ y: 200 }}
              title={() => <Typography.Text strong>{t('calendar.impact.changedDays', { count: impact.data.changedDays.length })}</Typography.Text>}
              dataSource={impact.data.changedDays}
              columns={[
                { title: t('calendar.entry.date'), dataIndex: 'date', render: (d: string) => dateWithWeekday(t, d) },
                { title: t('calendar.impact.before'), dataIndex: 'before', render: describe },
                { title: t('calendar.impact.after'), dataIndex: 'after', render: describe },
              ]}
            />
          ) : null}
        </>
      )}
      <Form.Item name="reason" label={t('calendar.impact.reason')} rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('calendar.impact.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
