import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficialDocumentIndicators } from '../../../contracts/dashboards/dashboards.contracts';
import { CountsTable } from './CountsTable';
import { useDocumentIndicators, type IndicatorFilter } from './dashboards.api';

type Row = OfficialDocumentIndicators['items'][number];
const COUNTS = ['received', 'assigned', 'done', 'doneOnTime', 'doneLate', 'overdueOpen', 'issued'] as const;

/**
 * Official documents of the page's unit and period, by body (issue 15 item 5): incoming received, assigned, done on time
 * and late, open past due, and outgoing issued, with the definition shown.
 */
export function DocumentIndicatorsPanel({ filter }: { filter: IndicatorFilter }) {
  const { t } = useTranslation();
  const query = useDocumentIndicators(filter);
  return (
    <Flex vertical gap={12} data-testid="document-indicators">
      <CountsTable<Row>
        error={query.error}
        pending={query.isPending}
        data={query.data && { ...query.data, rows: query.data.items }}
        rowKey={(r) => r.unit.id}
        first={{ key: 'unit', title: t('dashboards.documents.unit'), fixed: 'left', width: 240, render: (_, r) => r.unit.name }}
        counts={COUNTS}
        rates={['onTimeRate']}
        title={(key) => t(`dashboards.documents.col.${key}`)}
        emptyText={t('dashboards.documents.empty')}
        scrollX={1100}
        testId="document-indicators"
      />
    </Flex>
  );
}
