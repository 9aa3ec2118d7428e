import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { formatShare, looselyIncludes } from '../../ui/text';
import { formatInstant } from '../dossiers/dossiers.format';
import { openDataUrl, useIndicatorBreakdown, useOpenData } from './dashboards.api';
import { IndicatorTable } from './IndicatorTable';
import { RateTrendChart, UnitRateChart } from './IndicatorCharts';
import { ON_TIME_TARGET, SATISFACTION_TARGET } from './indicator-targets';

/** Years a visitor may pick: this one and the four before it. */
const YEARS_BACK = 5;

/**
 * `/minh-bach`: the public transparency page (issue 12 item 5). Without signing in and without personal data: a unit's
 * (by default the province's) on-time and satisfaction rates month by month with the targets, the units below it for
 * the year, and the same numbers as open data (CSV, JSON). The numbers come from the public API, the back office's own.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const openData = useOpenData(year);
  // Units from the open data: every unit with a parent listed after its parent (the data is ordered by depth).
  const units = useMemo(() => {
    const seen = new Map<string, { code: string; name: string; parentCode: string | null }>();
    for (const r of openData.data?.rows ?? []) if (!seen.has(r.unitCode)) seen.set(r.unitCode, { code: r.unitCode, name: r.unitName, parentCode: r.parentCode });
    return [...seen.values()];
  }, [openData.data]);
  const [unit, setUnit] = useState<string | null>(null);
  const chosen = unit ?? units.find((u) => u.parentCode === null)?.code ?? null;
  const filter = chosen ? { unit: chosen, from: `${year}-01-01`, to: `${year}-12-31`, subtree: true } : null;
  const byMonth = useIndicatorBreakdown(filter, 'month', 'public');
  const byUnit = useIndicatorBreakdown(filter, 'unit', 'public');
  const total = byMonth.data?.total;
  const error = openData.error ?? byMonth.error ?? byUnit.error;
  const below = byUnit.data ? byUnit.data.rows.filter((r) => !r.own) : [];

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle>{t('dashboards.public.title')}</PageTitle>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('dashboards.public.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Flex wrap gap={16} align="center">
          <Select
            style={{ width: 120 }}
            value={year}
            onChange={(y) => {
              setYear(y);
              setUnit(null);
            }}
            options={Array.from({ length: YEARS_BACK }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
            aria-label={t('dashboards.public.year')}
            data-testid="public-year"
          />
          <Select
            showSearch={{ filterOption: (input, option) => looselyIncludes(String(option?.label ?? ''), input) }}
            style={{ minWidth: 280, maxWidth: '100%' }}
            value={chosen}
            onChange={setUnit}
            options={units.map((u) => ({ value: u.code, label: u.name }))}
            aria-label={t('dashboards.public.unit')}
            data-testid="public-unit"
          />
          <Button icon={<DownloadOutlined />} href={openDataUrl(year, 'csv')} download data-testid="public-open-data-csv">
            {t('dashboards.public.csv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={openDataUrl(year, 'json')} target="_blank" data-testid="public-open-data-json">
            {t('dashboards.public.json')}
          </Button>
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {!total ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {total && byMonth.data ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="public-on-time">
                <Statistic title={t('dashboards.indicators.onTimeRate')} value={formatShare(total.onTimeRate)} />
                <Typography.Text type={total.onTimeRate !== null && total.onTimeRate < ON_TIME_TARGET ? 'danger' : 'secondary'}>
                  {t('dashboards.indicators.target', { target: formatShare(ON_TIME_TARGET) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="public-satisfaction">
                <Statistic title={t('dashboards.indicators.satisfiedRate')} value={formatShare(total.satisfiedRate)} />
                <Typography.Text type={total.satisfiedRate !== null && total.satisfiedRate < SATISFACTION_TARGET ? 'danger' : 'secondary'}>
                  {t('dashboards.public.satisfactionTarget', { count: total.ratings, target: formatShare(SATISFACTION_TARGET) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="public-received">
                <Statistic title={t('dashboards.indicators.received')} value={total.received} />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="public-finished">
                <Statistic title={t('dashboards.indicators.finished')} value={total.finished} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboards.public.byMonth', { year })}</h2>}>
            <Flex vertical gap={16}>
              <RateTrendChart rows={byMonth.data.rows} />
              <IndicatorTable data={byMonth.data} testId="public-by-month" />
            </Flex>
          </Card>
          {byUnit.data && below.length > 0 ? (
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboards.public.byUnit', { year })}</h2>}>
              <Flex vertical gap={16}>
                <UnitRateChart rows={below} />
                <IndicatorTable data={byUnit.data} testId="public-by-unit" />
              </Flex>
            </Card>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('dashboards.public.definitions')} {t('dashboards.indicators.asOf', { at: formatInstant(byMonth.data.asOf) })}
          </Typography.Paragraph>
        </>
      ) : null}
    </Flex>
  );
}
