import { useState } from 'react';
import { Alert, Card, Col, Flex, Row, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FeedbackStats } from '../../../contracts/feedback/feedback.contracts';
import { formatShare } from '../../ui/text';
import { useFeedbackStats } from './feedback-portal.api';

type StatsRow = FeedbackStats['items'][number];
type CountKey = 'received' | 'answered' | 'answeredOnTime' | 'open' | 'openOverdue';

const COUNTS: CountKey[] = ['received', 'answered', 'answeredOnTime', 'open', 'openOverdue'];
/** Years offered besides "all": this one and the two before it. */
const YEARS_BACK = 3;

/** The public counts by unit: received, answered, on time and its rate, open and overdue, with the server's definition. */
export function FeedbackStatsSection() {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  const [year, setYear] = useState<number | 'all'>('all');
  const period = year === 'all' ? {} : { from: `${year}-01-01`, to: `${year}-12-31` };
  const { data, error, isPending } = useFeedbackStats(period);
  const number = (n: number) => n.toLocaleString('vi-VN');

  const columns: ColumnsType<StatsRow> = [
    { key: 'unit', title: t('feedbackPortal.stats.unit'), render: (_, r) => <span className="wrap-anywhere">{r.unit.name}</span>, width: 220 },
    ...COUNTS.map((k) => ({ key: k, dataIndex: k, title: t(`feedbackPortal.stats.col.${k}`), align: 'right' as const, render: number })),
    { key: 'onTimeRate', dataIndex: 'onTimeRate', title: t('feedbackPortal.stats.col.onTimeRate'), align: 'right', render: (v: number | null) => formatShare(v) },
  ];

  return (
    <section aria-labelledby="feedback-stats-heading" data-testid="public-feedback-stats">
      <Card
        size="small"
        title={
          <Typography.Title level={2} id="feedback-stats-heading" style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>
            {t('feedbackPortal.stats.title')}
          </Typography.Title>
        }
      >
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center">
            <label htmlFor="feedback-stats-year">{t('feedbackPortal.stats.period')}</label>
            <Select<number | 'all'>
              id="feedback-stats-year"
              value={year}
              onChange={setYear}
              style={{ width: 180 }}
              options={[
                { value: 'all', label: t('feedbackPortal.stats.allTime') },
                ...Array.from({ length: YEARS_BACK }, (_, i) => ({ value: thisYear - i, label: t('feedbackPortal.stats.year', { year: thisYear - i }) })),
              ]}
              data-testid="public-feedback-stats-year"
            />
          </Flex>
          {error ? <Alert type="error" showIcon title={error.message} /> : null}
          {isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
          {data ? (
            <>
              <Row gutter={[12, 12]}>
                <Col xs={12} md={6}>
                  <Statistic title={t('feedbackPortal.stats.col.received')} value={number(data.total.received)} data-testid="public-feedback-stats-received" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('feedbackPortal.stats.col.answered')} value={number(data.total.answered)} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('feedbackPortal.stats.col.onTimeRate')} value={formatShare(data.total.onTimeRate)} data-testid="public-feedback-stats-rate" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('feedbackPortal.stats.col.openOverdue')} value={number(data.total.openOverdue)} />
                </Col>
              </Row>
              <Table<StatsRow>
                rowKey={(r) => r.unit.id}
                size="small"
                columns={columns}
                dataSource={data.items}
                pagination={false}
                scroll={{ x: 760 }}
                locale={{ emptyText: t('feedbackPortal.stats.empty') }}
                data-testid="public-feedback-stats-table"
              />
              {/* Each number is shown with how it is counted (domain README §19), in the words the server sends. */}
              <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="public-feedback-stats-definition">
                {data.definition}
              </Typography.Paragraph>
            </>
          ) : null}
        </Flex>
      </Card>
    </section>
  );
}
