import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatWorkingDuration } from './dossiers.format';
import type { Hop } from './dossiers.types';

const CLASS_COLOR = { early: 'cyan', 'on-time': 'green', late: 'red' } as const;

/** Hand-overs (the rows of Mẫu 06 Phiếu kiểm soát): who gave, who received, when, and each step's result against its budget. */
export function HopsTable({ hops }: { hops: Hop[] }) {
  const { t } = useTranslation();
  return (
    <Table<Hop>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={hops}
      scroll={{ x: 1300 }}
      data-testid="hops"
      columns={[
        { title: '#', dataIndex: 'seq', width: 44 },
        {
          title: t('dossiers.hops.step'),
          width: 170,
          render: (_, h) => (
            <div className="wrap-anywhere">
              {h.name}
              {h.kind !== 'step' ? (
                <Tag style={{ marginInlineStart: 6 }} color={h.kind === 'transfer' ? 'purple' : 'gold'}>
                  {t(`dossiers.hopKinds.${h.kind}`)}
                </Tag>
              ) : null}
            </div>
          ),
        },
        {
          title: t('dossiers.hops.units'),
          width: 280,
          render: (_, h) => (
            <div className="wrap-anywhere">
              {h.fromUnit ? (
                <div>
                  <Typography.Text type="secondary">{t('dossiers.hops.from')}</Typography.Text> {h.fromUnit.name}
                </div>
              ) : null}
              <div>
                <Typography.Text type="secondary">{t('dossiers.hops.to')}</Typography.Text> {h.toUnit.name} · {t(`identity.roles.${h.role}`, { defaultValue: h.role })}
              </div>
            </div>
          ),
        },
        { title: t('dossiers.hops.startedAt'), dataIndex: 'startedAt', width: 130, render: (v: string) => formatInstant(v) },
        { title: t('dossiers.hops.budget'), dataIndex: 'budgetMinutes', width: 120, render: (v: number | null) => (v === null ? '—' : formatWorkingDuration(t, v)) },
        { title: t('dossiers.hops.dueAt'), dataIndex: 'dueAt', width: 130, render: (v: string | null) => formatInstant(v) || '—' },
        { title: t('dossiers.hops.finishedAt'), dataIndex: 'finishedAt', width: 130, render: (v: string | null) => formatInstant(v) || '—' },
        {
          title: t('dossiers.hops.result'),
          dataIndex: 'classification',
          width: 110,
          render: (c: Hop['classification']) => (c ? <Tag color={CLASS_COLOR[c]}>{t(`dossiers.classification.${c}`)}</Tag> : '—'),
        },
        {
          title: t('dossiers.hops.note'),
          width: 200,
          render: (_, h) => (
            <div className="wrap-anywhere">
              {h.handedBy ? <div>{t('dossiers.hops.handedBy', { name: h.handedBy })}</div> : null}
              {h.note ? <Typography.Text type="secondary">{h.note}</Typography.Text> : null}
            </div>
          ),
        },
      ]}
    />
  );
}
