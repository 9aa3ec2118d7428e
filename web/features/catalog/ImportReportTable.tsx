import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePagerLabels } from '../../ui/usePaging';
import type { ImportRow } from './catalog.types';

const STATUS_COLORS = { imported: 'green', warning: 'gold', error: 'red' } as const;
const SEVERITY_TYPES = { info: 'secondary', warning: 'warning', error: 'danger' } as const;

/** Row-by-row outcome of an import: status, what happened, and each message. */
export function ImportReportTable({ rows }: { rows: ImportRow[] }) {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  return (
    <Table<ImportRow>
      rowKey="row"
      size="small"
      dataSource={rows}
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 50, showTotal: (total) => t('common.table.total', { total }), itemRender }}
      columns={[
        { title: t('catalog.import.row'), dataIndex: 'row', width: 70 },
        { title: t('catalog.list.code'), dataIndex: 'code', width: 130, render: (c: string | null) => c ?? '—' },
        { title: t('catalog.list.name'), dataIndex: 'name', width: 280, render: (n: string | null) => <span className="wrap-anywhere">{n ?? '—'}</span> },
        {
          title: t('catalog.list.status'),
          dataIndex: 'status',
          width: 120,
          filters: (['imported', 'warning', 'error'] as const).map((s) => ({ value: s, text: t(`catalog.import.status.${s}`) })),
          onFilter: (value, r) => r.status === value,
          render: (s: ImportRow['status']) => <Tag color={STATUS_COLORS[s]}>{t(`catalog.import.status.${s}`)}</Tag>,
        },
        { title: t('catalog.import.outcome'), dataIndex: 'outcome', width: 120, render: (o: ImportRow['outcome']) => t(`catalog.import.outcomes.${o}`) },
        {
          title: t('catalog.import.messages'),
          render: (_, r) =>
            r.messages.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {r.messages.map((m, i) => (
                  <li key={i}>
                    <Typography.Text type={SEVERITY_TYPES[m.severity]}>{m.message}</Typography.Text>
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
