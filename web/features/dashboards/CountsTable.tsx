import type { ReactNode } from 'react';
import { Alert, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../../ui/text';

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

/** The numbers a counts table shows: rows, their total and how they are defined. */
export interface CountsData<R> {
  rows: R[];
  total: Record<string, number | null>;
  definition: string;
}

interface CountsTableProps<R> {
  /** The query's state: its error, whether it is loading, and its answer once there. */
  error: Error | null;
  pending: boolean;
  data: CountsData<R> | undefined;
  rowKey: (row: R) => string;
  /** The first column, naming the row (a unit, a channel…). */
  first: ColumnType<R>;
  /** Integer columns, then rate columns (0–1, shown as shares), in order; `title` names each. */
  counts: readonly string[];
  rates: readonly string[];
  title: (key: string) => string;
  emptyText: string;
  scrollX: number;
  /** Test ids: `<testId>-table`, `<testId>-total-<key>`, `<testId>-definition`. */
  testId: string;
}

/**
 * An indicators table of counts and rates per row with its total row and, beneath, the definition of its numbers (every
 * number shown next to its definition); a skeleton while loading, the error if the query failed.
 */
export function CountsTable<R extends object>(p: CountsTableProps<R>): ReactNode {
  const columns: ColumnsType<R> = [
    p.first,
    ...p.counts.map((key) => ({ key, dataIndex: key, title: p.title(key), align: 'right' as const, render: (v: number) => v.toLocaleString('vi-VN') })),
    ...p.rates.map((key) => ({ key, dataIndex: key, title: p.title(key), align: 'right' as const, render: (v: number | null) => formatShare(v) })),
  ];
  if (p.error) return <Alert type="error" showIcon title={p.error.message} />;
  if (!p.data) return p.pending ? <Skeleton active /> : null;
  const { total } = p.data;
  return (
    <>
      <Table<R>
        rowKey={p.rowKey}
        size="small"
        columns={columns}
        dataSource={p.data.rows}
        pagination={false}
        scroll={{ x: p.scrollX }}
        locale={{ emptyText: p.emptyText }}
        data-testid={`${p.testId}-table`}
        summary={() => (
          <TotalRow
            cells={[
              ...p.counts.map((key) => ({ key, text: (total[key] ?? 0).toLocaleString('vi-VN'), testId: `${p.testId}-total-${key}` })),
              ...p.rates.map((key) => ({ key, text: formatShare(total[key] ?? null), testId: `${p.testId}-total-${key}` })),
            ]}
          />
        )}
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid={`${p.testId}-definition`}>
        {p.data.definition}
      </Typography.Paragraph>
    </>
  );
}
