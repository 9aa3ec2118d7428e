import { Alert, Flex, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { OfficialDocumentIndicators } from '../../../contracts/dashboards/dashboards.contracts';
import { formatShare } from '../../ui/text';
import { useDocumentIndicators, type IndicatorFilter } from './dashboards.api';
import { TotalRow } from './FeedbackIndicatorsPanel';

type Row = OfficialDocumentIndicators['items'][number];
type Count = 'received' | 'assigned' | 'done' | 'doneOnTime' | 'doneLate' | 'overdueOpen' | 'issued';
const COUNTS: readonly Count[] = ['received', 'assigned', 'done', 'doneOnTime', 'doneLate', 'overdueOpen', 'issued'];

/**
 * Official documents of the page's unit and period, by body (issue 15 item 5): incoming received, assigned, done on time
 * and late, open past due, and outgoing issued, with the definition shown.
 */
export function DocumentIndicatorsPanel({ filter }: { filter: IndicatorFilter }) {
  const { t } = useTranslation();
  const query = useDocumentIndicators(filter);
  const columns: ColumnsType<Row> = [
    { key: 'unit', title: t('dashboards.documents.unit'), fixed: 'left', width: 240, render: (_, r) => r.unit.name },
    ...COUNTS.map((key) => ({ key, dataIndex: key, title: t(`dashboards.documents.col.${key}`), align: 'right' as const, render: (v: number) => v.toLocaleString('vi-VN') })),
    { key: 'onTimeRate', dataIndex: 'onTimeRate', title: t('dashboards.documents.col.onTimeRate'), align: 'right', render: (v: number | null) => formatShare(v) },
  ];
  return (
    <Flex vertical gap={12} data-testid="document-indicators">
      {query.error ? <Alert type="error" showIcon title={query.error.message} /> : null}
      {query.data ? (
        <>
          <Table<Row>
            rowKey={(r) => r.unit.id}
            size="small"
            columns={columns}
            dataSource={query.data.items}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('dashboards.documents.empty') }}
            data-testid="document-indicators-table"
            summary={() => (
              <TotalRow
                cells={[
                  ...COUNTS.map((key) => ({ key, text: query.data.total[key].toLocaleString('vi-VN'), testId: `document-indicators-total-${key}` })),
                  { key: 'onTimeRate', text: formatShare(query.data.total.onTimeRate), testId: 'document-indicators-total-onTimeRate' },
                ]}
              />
            )}
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="document-indicators-definition">
            {query.data.definition}
          </Typography.Paragraph>
        </>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </Flex>
  );
}
