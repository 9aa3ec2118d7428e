import { useState } from 'react';
import { Alert, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_INDICATOR_BREAKDOWNS, type FeedbackIndicatorBreakdownBy, type FeedbackIndicators } from '../../../contracts/dashboards/dashboards.contracts';
import { formatShare } from '../../ui/text';
import { useFeedbackIndicators, type IndicatorFilter } from './dashboards.api';

type Row = FeedbackIndicators['rows'][number];
type CountKey = 'received' | 'answered' | 'answeredOnTime' | 'answeredLate' | 'open' | 'openOverdue' | 'outOfScope' | 'rated' | 'satisfied';
const COUNTS: readonly CountKey[] = ['received', 'answered', 'answeredOnTime', 'answeredLate', 'open', 'openOverdue', 'outOfScope', 'rated', 'satisfied'];

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
      <Segmented<FeedbackIndicatorBreakdownBy>
        value={by}
        onChange={setBy}
        options={FEEDBACK_INDICATOR_BREAKDOWNS.map((b) => ({ value: b, label: t(`dashboards.feedback.by.${b}`) }))}
        aria-label={t('dashboards.feedback.byLabel')}
      />
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
              <Table.Summary fixed="bottom">
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('dashboards.table.total')}</strong>
                  </Table.Summary.Cell>
                  {COUNTS.map((key, i) => (
                    <Table.Summary.Cell key={key} index={i + 1} align="right">
                      <strong data-testid={`feedback-indicators-total-${key}`}>{query.data.total[key].toLocaleString('vi-VN')}</strong>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={COUNTS.length + 1} align="right">
                    <strong data-testid="feedback-indicators-total-onTimeRate">{formatShare(query.data.total.onTimeRate)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={COUNTS.length + 2} align="right">
                    <strong data-testid="feedback-indicators-total-satisfactionRate">{formatShare(query.data.total.satisfactionRate)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
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
