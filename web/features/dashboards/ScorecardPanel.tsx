import { Alert, Button, Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';
import { useScorecard, type IndicatorFilter } from './dashboards.api';

const points = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

/**
 * Decision 766's scorecard (issue 12 item 2): each group's points with each component's formula and the counters
 * behind it, the timeliness points lost and at risk, and the units below costing them (their counts open the dossiers).
 */
export function ScorecardPanel({ filter, onDrill }: { filter: IndicatorFilter; onDrill: (unitCode: string, measure: IndicatorMeasure) => void }) {
  const { t } = useTranslation();
  const { data, error } = useScorecard(filter);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Skeleton active />;
  const drill = (code: string, measure: IndicatorMeasure, n: number, what: string, name: string) =>
    n > 0 ? (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(code, measure)} aria-label={t('dashboards.table.drill', { what, row: name, count: n })}>
        {n}
      </Button>
    ) : (
      0
    );
  return (
    <Flex vertical gap={16} data-testid="scorecard">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('dashboards.scorecard.total')} value={points(data.points)} suffix={`/ ${data.max}`} data-testid="scorecard-points" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('dashboards.scorecard.lost')}
              value={points(data.pointsLost)}
              valueStyle={data.pointsLost > 0 ? { color: '#cf1322' } : undefined}
              data-testid="scorecard-lost"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('dashboards.scorecard.atRisk')} value={points(data.pointsAtRisk)} data-testid="scorecard-at-risk" />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('dashboards.scorecard.atRiskHelp')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={data.groups}
        data-testid="scorecard-groups"
        scroll={{ x: 720 }}
        columns={[
          { key: 'group', title: t('dashboards.scorecard.group'), width: 200, render: (_, g) => t(`dashboards.scorecard.groups.${g.key}`) },
          {
            key: 'points',
            title: t('dashboards.scorecard.points'),
            width: 120,
            align: 'right',
            render: (_, g) => (g.measured ? `${points(g.points)} / ${g.max}` : <Tag>{t('dashboards.scorecard.notMeasured', { max: g.max })}</Tag>),
          },
          {
            key: 'components',
            title: t('dashboards.scorecard.components'),
            render: (_, g) =>
              g.measured ? (
                <Flex vertical gap={8}>
                  {g.components.map((c) => (
                    <div key={c.key} data-testid={`scorecard-component-${c.key}`}>
                      <Typography.Text strong>
                        {t(`dashboards.scorecard.component.${c.key}.name`)}: {points(c.points)} / {c.max}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary">{t(`dashboards.scorecard.component.${c.key}.formula`)}</Typography.Text>
                      </div>
                      <div style={{ fontSize: 13 }}>
                        {Object.entries(c.counters)
                          .map(([k, v]) => `${t(`dashboards.scorecard.counter.${k}`)} ${v.toLocaleString('vi-VN')}`)
                          .join(' · ')}
                      </div>
                    </div>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t(`dashboards.scorecard.why.${g.key}`)}</Typography.Text>
              ),
          },
        ]}
      />
      {data.unitsCosting.length > 0 ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('dashboards.scorecard.units.title')}
          </Typography.Title>
          <Table
            rowKey={(r) => r.unit.code}
            size="small"
            pagination={false}
            dataSource={data.unitsCosting}
            data-testid="scorecard-units"
            scroll={{ x: 640 }}
            columns={[
              { key: 'unit', title: t('dashboards.table.unit'), render: (_, r) => r.unit.name },
              { key: 'lost', title: t('dashboards.scorecard.lost'), align: 'right', render: (_, r) => points(r.pointsLost) },
              { key: 'risk', title: t('dashboards.scorecard.atRisk'), align: 'right', render: (_, r) => points(r.pointsAtRisk) },
              {
                key: 'late',
                title: t('dashboards.table.col.finishedLate'),
                align: 'right',
                render: (_, r) => drill(r.unit.code, 'finished-late', r.finishedLate, t('dashboards.table.col.finishedLate'), r.unit.name),
              },
              {
                key: 'overdue',
                title: t('dashboards.table.col.openOverdue'),
                align: 'right',
                render: (_, r) => drill(r.unit.code, 'open-overdue', r.openOverdue, t('dashboards.table.col.openOverdue'), r.unit.name),
              },
              {
                key: 'atRisk',
                title: t('dashboards.measure.open-at-risk'),
                align: 'right',
                render: (_, r) => drill(r.unit.code, 'open-at-risk', r.openAtRisk, t('dashboards.measure.open-at-risk'), r.unit.name),
              },
            ]}
          />
        </>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
        {t('dashboards.scorecard.source')}
      </Typography.Paragraph>
    </Flex>
  );
}
