import { useState } from 'react';
import { Alert, Flex, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_INDICATOR_BREAKDOWNS,
  type CommitmentIndicators,
  type FeedbackIndicatorBreakdownBy,
  type FeedbackIndicators,
} from '../../../contracts/dashboards/dashboards.contracts';
import { formatShare } from '../../ui/text';
import { useCommitmentIndicators, useFeedbackIndicators, type IndicatorFilter } from './dashboards.api';

type Row = FeedbackIndicators['rows'][number];
type CountKey = 'received' | 'answered' | 'answeredOnTime' | 'answeredLate' | 'open' | 'openOverdue' | 'outOfScope' | 'rated' | 'satisfied';
const COUNTS: readonly CountKey[] = ['received', 'answered', 'answeredOnTime', 'answeredLate', 'open', 'openOverdue', 'outOfScope', 'rated', 'satisfied'];

/** A table's bottom row: "Tổng cộng", then one right-aligned figure per column after the first. */
export function TotalRow({ cells }: { cells: ReadonlyArray<{ key: string; text: string; testId?: string }> }) {
  const { t } = useTranslation();
  return (
    <Table.Summary fixed="bottom">
      <Table.Summary.Row>
        <Table.Summary.Cell index={0}>
          <strong>{t('dashboards.table.total')}</strong>
        </Table.Summary.Cell>
        {cells.map((c, i) => (
          <Table.Summary.Cell key={c.key} index={i + 1} align="right">
            <strong data-testid={c.testId}>{c.text}</strong>
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  );
}

/**
 * Feedback and petitions of the page's unit and period (issue 14 item 6): received, answered on time and late, open
 * past due, out of scope and satisfaction, split by unit, channel, procedure or kind, with the definition shown.
 */
export function FeedbackIndicatorsPanel({ filter }: { filter: IndicatorFilter }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<FeedbackIndicatorBreakdownBy>('unit');
  const query = useFeedbackIndicators(filter, by);
  const columns: ColumnsType<Row> = [
    { key: 'label', dataIndex: 'label', title: t(`dashboards.feedback.by.${by}`), fixed: 'left', width: 240 },
    ...COUNTS.map((key) => ({ key, dataIndex: key, title: t(`dashboards.feedback.col.${key}`), align: 'right' as const, render: (v: number) => v.toLocaleString('vi-VN') })),
    { key: 'onTimeRate', dataIndex: 'onTimeRate', title: t('dashboards.feedback.col.onTimeRate'), align: 'right', render: (v: number | null) => formatShare(v) },
    { key: 'satisfactionRate', dataIndex: 'satisfactionRate', title: t('dashboards.feedback.col.satisfactionRate'), align: 'right', render: (v: number | null) => formatShare(v) },
  ];
  return (
    <Flex vertical gap={12} data-testid="feedback-indicators">
      {/* A select, not a segmented control: four long labels do not fit a phone's width. */}
      <Flex align="center" gap={8} wrap>
        <label htmlFor="feedback-indicators-by">{t('dashboards.feedback.byLabel')}</label>
        <Select<FeedbackIndicatorBreakdownBy>
          id="feedback-indicators-by"
          value={by}
          onChange={setBy}
          style={{ minWidth: 200, maxWidth: '100%' }}
          options={FEEDBACK_INDICATOR_BREAKDOWNS.map((b) => ({ value: b, label: t(`dashboards.feedback.by.${b}`) }))}
          data-testid="feedback-indicators-by"
        />
      </Flex>
      {query.error ? <Alert type="error" showIcon title={query.error.message} /> : null}
      {query.data ? (
        <>
          <Table<Row>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={query.data.rows}
            pagination={false}
            scroll={{ x: 1200 }}
            locale={{ emptyText: t('dashboards.feedback.empty') }}
            data-testid="feedback-indicators-table"
            summary={() => (
              <TotalRow
                cells={[
                  ...COUNTS.map((key) => ({ key, text: query.data.total[key].toLocaleString('vi-VN'), testId: `feedback-indicators-total-${key}` })),
                  { key: 'onTimeRate', text: formatShare(query.data.total.onTimeRate), testId: 'feedback-indicators-total-onTimeRate' },
                  { key: 'satisfactionRate', text: formatShare(query.data.total.satisfactionRate), testId: 'feedback-indicators-total-satisfactionRate' },
                ]}
              />
            )}
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="feedback-indicators-definition">
            {query.data.definition}
          </Typography.Paragraph>
        </>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </Flex>
  );
}

type CommitmentRow = CommitmentIndicators['items'][number];
type CommitmentCount = 'total' | 'doneOnTime' | 'doneLate' | 'open' | 'openOverdue' | 'cancelled';
const COMMITMENT_COUNTS: readonly CommitmentCount[] = ['total', 'doneOnTime', 'doneLate', 'open', 'openOverdue', 'cancelled'];

/** Commitments made at dialogues and owned by the page's unit (or its subtree), by owner unit: kept on time or late. */
export function CommitmentIndicatorsPanel({ filter }: { filter: IndicatorFilter }) {
  const { t } = useTranslation();
  const query = useCommitmentIndicators(filter);
  const columns: ColumnsType<CommitmentRow> = [
    { key: 'unit', title: t('dashboards.commitments.unit'), fixed: 'left', width: 240, render: (_, r) => r.unit.name },
    ...COMMITMENT_COUNTS.map((key) => ({
      key,
      dataIndex: key,
      title: t(`dashboards.commitments.col.${key}`),
      align: 'right' as const,
      render: (v: number) => v.toLocaleString('vi-VN'),
    })),
    { key: 'onTimeRate', dataIndex: 'onTimeRate', title: t('dashboards.commitments.col.onTimeRate'), align: 'right', render: (v: number | null) => formatShare(v) },
  ];
  return (
    <Flex vertical gap={12} data-testid="commitment-indicators">
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('dashboards.commitments.title')}
      </Typography.Title>
      {query.error ? <Alert type="error" showIcon title={query.error.message} /> : null}
      {query.data ? (
        <>
          <Table<CommitmentRow>
            rowKey={(r) => r.unit.id}
            size="small"
            columns={columns}
            dataSource={query.data.items}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('dashboards.commitments.empty') }}
            data-testid="commitment-indicators-table"
            summary={() => (
              <TotalRow
                cells={[
                  ...COMMITMENT_COUNTS.map((key) => ({ key, text: query.data.total[key].toLocaleString('vi-VN'), testId: `commitment-indicators-total-${key}` })),
                  { key: 'onTimeRate', text: formatShare(query.data.total.onTimeRate) },
                ]}
              />
            )}
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {query.data.definition}
          </Typography.Paragraph>
        </>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </Flex>
  );
}
