import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, DatePicker, Flex, Progress, Row, Segmented, Select, Skeleton, Statistic, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import { formatInstant } from '../dossiers/dossiers.format';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';
import { useIndicatorSummary } from './dashboards.api';
import { IndicatorDossiersDrawer } from './IndicatorDossiersDrawer';

/** The province's targets (the seed's: more than 98 % on time, 95 % or more satisfied; domain README §7.5). */
const ON_TIME_TARGET = 0.98;
const SATISFACTION_TARGET = 0.95;

const PROVINCE_READER_ROLES: readonly string[] = ['system-admin', 'reform-office'];

export const PERIODS = ['month', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);

/** The legal dates of the current month, quarter or year (Vietnam), or the chosen range. */
export function periodDates(period: Period, range: [Dayjs | null, Dayjs | null] | null, today: Dayjs): { from: string; to: string } | null {
  if (period === 'custom') return range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : null;
  const start = period === 'quarter' ? today.month(Math.floor(today.month() / 3) * 3).startOf('month') : today.startOf(period);
  const end = period === 'quarter' ? start.add(2, 'month').endOf('month') : today.endOf(period);
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

/** A count that opens the list of dossiers behind it (issue 12 item 3). */
function DrillCount({ label, count, measure, onOpen }: { label: string; count: number; measure: IndicatorMeasure; onOpen: (m: IndicatorMeasure) => void }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(measure)} data-testid={`drill-${measure}`}>
      {label} {count}
    </Button>
  );
}

/** One number with its definition underneath (issue 12: every number shows what it counts); the number opens its dossiers. */
function Figure({
  testId,
  title,
  value,
  definition,
  measure,
  onOpen,
  children,
}: {
  testId: string;
  title: string;
  value: ReactNode;
  definition: string;
  measure?: IndicatorMeasure;
  onOpen?: (m: IndicatorMeasure) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value as string | number} />
      {measure && onOpen ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onOpen(measure)}
          aria-label={t('dashboards.drill.open', { what: title })}
          data-testid={`drill-${testId}`}
        >
          {t('dashboards.drill.list')}
        </Button>
      ) : null}
      {children}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
        {definition}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * `/admin/indicators`: a unit's indicators over a month, a quarter, a year or any range — received by channel, finished
 * early / on time / late with the on-time rate against the 98 % target, open work past due or paused, satisfaction
 * against 95 %. The units are those of the officer's roles; with "units below" the whole subtree is counted.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // The province's readers (reform office, system administrators) read every unit: the province comes first for them.
  const provinceReader = !!me?.grants.some((g) => PROVINCE_READER_ROLES.includes(g.role));
  const { data: tree } = useOrgUnitTree(false, provinceReader && !!me?.actions.includes('identity.org-units.list'));
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const root of provinceReader ? (tree?.items ?? []) : []) seen.set(root.code, root.name);
    for (const g of me?.grants ?? []) if (!seen.has(g.orgUnitCode)) seen.set(g.orgUnitCode, g.orgUnitName);
    return [...seen].map(([code, name]) => ({ value: code, label: name }));
  }, [me, tree, provinceReader]);
  const [unit, setUnit] = useState<string | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [period, setPeriod] = useState<Period>('month');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const chosenUnit = unit ?? units[0]?.value ?? null;
  const dates = periodDates(period, range, dayjs());
  const filter = chosenUnit && dates ? { unit: chosenUnit, ...dates, subtree } : null;
  const { data, isPending, error } = useIndicatorSummary(filter);
  const [measure, setMeasure] = useState<IndicatorMeasure | null>(null);
  const open = (m: IndicatorMeasure) => setMeasure(m);

  const onTimeBelow = data?.onTimeRate != null && data.onTimeRate < ON_TIME_TARGET;
  const satisfactionBelow = data?.satisfiedRate != null && data.satisfiedRate < SATISFACTION_TARGET;

  return (
    <div>
      <PageHeader title={t('dashboards.indicators.title')} subtitle={data ? t('dashboards.indicators.asOf', { at: formatInstant(data.asOf) }) : undefined} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <Select
            style={{ minWidth: 260, maxWidth: '100%' }}
            options={units}
            value={chosenUnit}
            onChange={setUnit}
            aria-label={t('dashboards.indicators.unit')}
            data-testid="indicators-unit"
          />
          <Flex gap={8} align="center">
            <Switch checked={subtree} onChange={setSubtree} aria-labelledby="indicators-subtree-label" data-testid="indicators-subtree" />
            <span id="indicators-subtree-label">{t('dashboards.indicators.subtree')}</span>
          </Flex>
          <Segmented<Period>
            options={PERIODS.map((p) => ({ value: p, label: t(`dashboards.indicators.period.${p}`) }))}
            value={period}
            onChange={setPeriod}
            aria-label={t('dashboards.indicators.periodLabel')}
            data-testid="indicators-period"
          />
          {period === 'custom' ? (
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              value={range}
              onChange={(v) => setRange(v)}
              aria-label={t('dashboards.indicators.periodLabel')}
              placeholder={[t('dashboards.indicators.from'), t('dashboards.indicators.to')]}
              data-testid="indicators-range"
            />
          ) : null}
        </Flex>
        {dates ? (
          <Typography.Text type="secondary" data-testid="indicators-dates">
            {t('dashboards.indicators.dates', { from: dayjs(dates.from).format('DD/MM/YYYY'), to: dayjs(dates.to).format('DD/MM/YYYY') })}
          </Typography.Text>
        ) : null}
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {chosenUnit && dates && isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-on-time"
              title={t('dashboards.indicators.onTimeRate')}
              value={percent(data.onTimeRate)}
              definition={t('dashboards.indicators.def.onTimeRate')}
            >
              <Progress
                percent={data.onTimeRate === null ? 0 : Math.round(data.onTimeRate * 1000) / 10}
                status={onTimeBelow ? 'exception' : 'normal'}
                showInfo={false}
                aria-label={t('dashboards.indicators.onTimeRate')}
              />
              <Typography.Text type={onTimeBelow ? 'danger' : 'secondary'}>{t('dashboards.indicators.target', { target: percent(ON_TIME_TARGET) })}</Typography.Text>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-received"
              title={t('dashboards.indicators.received')}
              value={data.received}
              definition={t('dashboards.indicators.def.received')}
              measure="received"
              onOpen={open}
            >
              <Typography.Text>
                {t('dashboards.indicators.byChannel', { direct: data.receivedByChannel.direct, online: data.receivedByChannel.online, post: data.receivedByChannel.post })}
              </Typography.Text>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-finished"
              title={t('dashboards.indicators.finished')}
              value={data.finished}
              definition={t('dashboards.indicators.def.finished')}
              measure="finished"
              onOpen={open}
            >
              <Flex wrap gap={12}>
                <DrillCount label={t('dashboards.measure.finished-early')} count={data.finishedEarly} measure="finished-early" onOpen={open} />
                <DrillCount label={t('dashboards.measure.finished-on-time')} count={data.finishedOnTime} measure="finished-on-time" onOpen={open} />
                <DrillCount label={t('dashboards.measure.finished-late')} count={data.finishedLate} measure="finished-late" onOpen={open} />
              </Flex>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure testId="indicator-open" title={t('dashboards.indicators.open')} value={data.open} definition={t('dashboards.indicators.def.open')} measure="open" onOpen={open}>
              <Flex wrap gap={12}>
                <DrillCount label={t('dashboards.measure.open-overdue')} count={data.openOverdue} measure="open-overdue" onOpen={open} />
                <DrillCount label={t('dashboards.measure.open-paused')} count={data.openPaused} measure="open-paused" onOpen={open} />
              </Flex>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure testId="indicator-ended" title={t('dashboards.indicators.ended')} value={data.withdrawn + data.stopped} definition={t('dashboards.indicators.def.ended')}>
              <Flex wrap gap={12}>
                <DrillCount label={t('dashboards.measure.withdrawn')} count={data.withdrawn} measure="withdrawn" onOpen={open} />
                <DrillCount label={t('dashboards.measure.stopped')} count={data.stopped} measure="stopped" onOpen={open} />
              </Flex>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-satisfaction"
              title={t('dashboards.indicators.satisfiedRate')}
              value={percent(data.satisfiedRate)}
              definition={t('dashboards.indicators.def.satisfiedRate')}
            >
              <Typography.Text type={satisfactionBelow ? 'danger' : 'secondary'}>
                {t('dashboards.indicators.ratings', { count: data.ratings, target: percent(SATISFACTION_TARGET) })}
              </Typography.Text>
            </Figure>
          </Col>
        </Row>
      ) : null}
      {filter ? <IndicatorDossiersDrawer filter={filter} measure={measure} onClose={() => setMeasure(null)} /> : null}
    </div>
  );
}
