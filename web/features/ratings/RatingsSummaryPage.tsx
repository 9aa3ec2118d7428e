import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, List, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { formatInstant } from '../dossiers/dossiers.format';
import { RATING_CRITERIA, SATISFACTION_LEVELS } from '../../../contracts/ratings/ratings.values';
import type { LevelCounts } from '../../../contracts/ratings/ratings.contracts';
import { useRatingsSummary } from './ratings.api';
import { formatShare } from '../../ui/text';

const percent = formatShare;

/**
 * `/admin/ratings`: the satisfaction summary of the units the leader (or the province's reader) covers — the share
 * satisfied against the province's 95 % target, per criterion, and the latest unsatisfied ratings to follow up.
 */
export function RatingsSummaryPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const { data, isPending, error } = useRatingsSummary(query);

  const rows = data
    ? [
        { key: 'overall', name: t('ratings.form.overall'), counts: data.overall },
        ...RATING_CRITERIA.map((c) => ({ key: c, name: t(`ratings.criterion.${c}`), counts: data.criteria[c] })),
      ]
    : [];
  const below = data && data.overall.satisfiedShare !== null && data.overall.satisfiedShare < data.target;

  return (
    <div>
      <PageHeader
        title={t('ratings.summary.title')}
        subtitle={t('ratings.summary.subtitle')}
        extra={
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={range}
            onChange={(v) => setRange(v)}
            allowEmpty={[true, true]}
            aria-label={t('ratings.summary.period')}
            placeholder={[t('ratings.summary.from'), t('ratings.summary.to')]}
            data-testid="ratings-period"
          />
        }
      />
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data ? (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="ratings-share">
                <Statistic title={t('ratings.summary.share')} value={percent(data.overall.satisfiedShare)} />
                <Progress
                  percent={data.overall.satisfiedShare === null ? 0 : Math.round(data.overall.satisfiedShare * 1000) / 10}
                  success={{ percent: 0 }}
                  status={below ? 'exception' : 'normal'}
                  showInfo={false}
                  aria-label={t('ratings.summary.share')}
                />
                <Typography.Text type={below ? 'danger' : 'secondary'}>{t('ratings.summary.target', { target: percent(data.target) })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card size="small">
                <Row gutter={16}>
                  <Col xs={12} sm={6}>
                    <Statistic title={t('ratings.summary.total')} value={data.overall.total} />
                  </Col>
                  {SATISFACTION_LEVELS.map((level) => (
                    <Col xs={12} sm={6} key={level}>
                      <Statistic title={t(`ratings.level.${level}`)} value={data.overall[level]} />
                    </Col>
                  ))}
                </Row>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ratings.summary.byCriterion')}</h2>}>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('ratings.summary.criterion'), dataIndex: 'name' },
                ...SATISFACTION_LEVELS.map((level) => ({
                  title: t(`ratings.level.${level}`),
                  key: level,
                  align: 'right' as const,
                  render: (_: unknown, r: { counts: LevelCounts }) => r.counts[level],
                })),
                { title: t('ratings.summary.share'), key: 'share', align: 'right' as const, render: (_: unknown, r: { counts: LevelCounts }) => percent(r.counts.satisfiedShare) },
              ]}
              data-testid="ratings-criteria"
            />
          </Card>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ratings.summary.recentLow')}</h2>}>
            {data.recentLow.length === 0 ? (
              <Empty description={t('ratings.summary.noLow')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                dataSource={data.recentLow}
                renderItem={(item) => (
                  <List.Item key={item.dossierCode}>
                    <List.Item.Meta
                      title={
                        <span className="wrap-anywhere">
                          {item.dossierCode} — {formatInstant(item.ratedAt)}
                        </span>
                      }
                      description={
                        <>
                          <div className="wrap-anywhere">{item.procedureName}</div>
                          <div>{RATING_CRITERIA.map((c) => `${t(`ratings.criterion.${c}`)}: ${t(`ratings.level.${item.criteria[c]}`)}`).join(' · ')}</div>
                          {item.comment ? <div className="wrap-anywhere">“{item.comment}”</div> : null}
                        </>
                      }
                    />
                  </List.Item>
                )}
                data-testid="ratings-low"
              />
            )}
          </Card>
        </Flex>
      ) : null}
    </div>
  );
}
