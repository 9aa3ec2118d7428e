import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { IndicatorBreakdown, IndicatorBreakdownRow } from '../../../contracts/dashboards/dashboards.contracts';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';
import { formatShare } from '../../ui/text';
import { ON_TIME_TARGET, SATISFACTION_TARGET, monthLabel } from './indicator-targets';

type CountKey = 'received' | 'finished' | 'finishedEarly' | 'finishedOnTime' | 'finishedLate' | 'open' | 'openOverdue';

/** The count columns of the table and the drill-down measure each opens. */
const COUNT_COLUMNS: ReadonlyArray<{ key: CountKey; measure: IndicatorMeasure }> = [
  { key: 'received', measure: 'received' },
  { key: 'finished', measure: 'finished' },
  { key: 'finishedEarly', measure: 'finished-early' },
  { key: 'finishedOnTime', measure: 'finished-on-time' },
  { key: 'finishedLate', measure: 'finished-late' },
  { key: 'open', measure: 'open' },
  { key: 'openOverdue', measure: 'open-overdue' },
];

/** What a row is called: its unit (the unit's own dossiers said so) or its month. */
export function useRowLabel() {
  const { t } = useTranslation();
  return (row: IndicatorBreakdownRow, rowCount: number) =>
    row.month ? monthLabel(row.month) : row.own && rowCount > 1 ? t('dashboards.table.own', { name: row.unit!.name }) : row.unit!.name;
}

/**
 * A breakdown as a table (issue 12 items 3–4): one row per unit below or per month, the total underneath (the summary's
 * numbers). With `onDrill`, every count opens the dossiers behind it.
 */
export function IndicatorTable({ data, onDrill, testId }: { data: IndicatorBreakdown; onDrill?: (row: IndicatorBreakdownRow, measure: IndicatorMeasure) => void; testId: string }) {
  const { t } = useTranslation();
  const label = useRowLabel();
  const first = data.by === 'unit' ? t('dashboards.table.unit') : t('dashboards.table.month');
  const count = (key: CountKey, measure: IndicatorMeasure) => (value: number, row: IndicatorBreakdownRow) =>
    onDrill && value > 0 ? (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        onClick={() => onDrill(row, measure)}
        aria-label={t('dashboards.table.drill', { what: t(`dashboards.table.col.${key}`), row: label(row, data.rows.length), count: value })}
      >
        {value.toLocaleString('vi-VN')}
      </Button>
    ) : (
      value.toLocaleString('vi-VN')
    );
  const rate = (target: number) => (value: number | null) => <Typography.Text type={value !== null && value < target ? 'danger' : undefined}>{formatShare(value)}</Typography.Text>;

  const columns: ColumnsType<IndicatorBreakdownRow> = [
    { key: 'label', title: first, fixed: 'left', width: 220, render: (_, row) => label(row, data.rows.length) },
    ...COUNT_COLUMNS.map((c) => ({ key: c.key, dataIndex: c.key, title: t(`dashboards.table.col.${c.key}`), align: 'right' as const, render: count(c.key, c.measure) })),
    { key: 'onTimeRate', dataIndex: 'onTimeRate', title: t('dashboards.table.col.onTimeRate'), align: 'right', render: rate(ON_TIME_TARGET) },
    { key: 'ratings', dataIndex: 'ratings', title: t('dashboards.table.col.ratings'), align: 'right' },
    { key: 'satisfiedRate', dataIndex: 'satisfiedRate', title: t('dashboards.table.col.satisfiedRate'), align: 'right', render: rate(SATISFACTION_TARGET) },
  ];

  const total = data.total;
  return (
    <Table<IndicatorBreakdownRow>
      rowKey={(r) => r.month ?? `${r.unit!.code}${r.own ? ':own' : ''}`}
      size="small"
      columns={columns}
      dataSource={data.rows}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid={testId}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row data-testid={`${testId}-total`}>
            <Table.Summary.Cell index={0}>
              <strong>{t('dashboards.table.total')}</strong>
            </Table.Summary.Cell>
            {COUNT_COLUMNS.map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                <strong data-testid={`${testId}-total-${c.key}`}>{total[c.key].toLocaleString('vi-VN')}</strong>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={COUNT_COLUMNS.length + 1} align="right">
              <strong data-testid={`${testId}-total-onTimeRate`}>{formatShare(total.onTimeRate)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={COUNT_COLUMNS.length + 2} align="right">
              <strong>{total.ratings.toLocaleString('vi-VN')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={COUNT_COLUMNS.length + 3} align="right">
              <strong data-testid={`${testId}-total-satisfiedRate`}>{formatShare(total.satisfiedRate)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
