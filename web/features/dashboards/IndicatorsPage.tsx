import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, DatePicker, Flex, Progress, Row, Segmented, Skeleton, Statistic, Switch, Tabs, TreeSelect, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { formatShare } from '../../ui/text';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import { formatInstant } from '../dossiers/dossiers.format';
import { useDossierQueue } from '../dossiers/dossiers.api';
import type { IndicatorBreakdownRow } from '../../../contracts/dashboards/dashboards.contracts';
import type { OrgUnitNode } from '../../../contracts/identity/identity.contracts';

import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';
import { CommitmentIndicatorsPanel, FeedbackIndicatorsPanel } from './FeedbackIndicatorsPanel';
import { DocumentIndicatorsPanel } from './DocumentIndicatorsPanel';
import { indicatorExportUrl, periodReportUrl, useIndicatorBreakdown, useIndicatorSummary, type IndicatorFilter } from './dashboards.api';
import { IndicatorDossiersDrawer } from './IndicatorDossiersDrawer';
import { IndicatorTable } from './IndicatorTable';
import { RateTrendChart, UnitRateChart } from './IndicatorCharts';
import { ON_TIME_TARGET, SATISFACTION_TARGET } from './indicator-targets';
import { ScorecardPanel } from './ScorecardPanel';
import { IndicatorNarrowing } from './IndicatorNarrowing';

const PROVINCE_READER_ROLES: readonly string[] = ['system-admin', 'reform-office'];

export const PERIODS = ['month', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** A choice of the unit tree. */
interface UnitOption {
  value: string;
  title: string;
  children: UnitOption[];
}

type Tab = 'month' | 'unit' | 'scorecard' | 'feedback' | 'documents';

const percent = formatShare;
/** Working days with one decimal, as Vietnamese write them (1,5); a dash when nothing was timed. */
const workingDays = (d: number | null) => (d === null ? '—' : d.toLocaleString('vi-VN', { maximumFractionDigits: 1 }));

/** The legal dates of the month, quarter or year holding `anchor` (Vietnam), or the chosen range. */
export function periodDates(period: Period, range: [Dayjs | null, Dayjs | null] | null, anchor: Dayjs): { from: string; to: string } | null {
  if (period === 'custom') return range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : null;
  const start = period === 'quarter' ? anchor.month(Math.floor(anchor.month() / 3) * 3).startOf('month') : anchor.startOf(period);
  const end = period === 'quarter' ? start.add(2, 'month').endOf('month') : anchor.endOf(period);
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

/** The dossiers behind one cell of a breakdown: the row's unit (its own dossiers, or its subtree) or the row's month. */
export function rowFilter(filter: IndicatorFilter, row: IndicatorBreakdownRow): IndicatorFilter {
  if (row.unit) return { ...filter, unit: row.unit.code, subtree: row.own ? false : filter.subtree };
  const start = `${row.month!}-01`;
  const end = dayjs(start).endOf('month').format('YYYY-MM-DD');
  return { ...filter, from: start > filter.from ? start : filter.from, to: end < filter.to ? end : filter.to };
}

/** What waits for a leader's decision (issue 12 item 4): their own queue, the unit's dossiers at risk and overdue. */
function DecisionsCard() {
  const { t } = useTranslation();
  const mine = useDossierQueue({ queue: 'mine', pageSize: 1 });
  const atRisk = useDossierQueue({ queue: 'at-risk', pageSize: 1 });
  const overdue = useDossierQueue({ queue: 'overdue', pageSize: 1 });
  const entries = [
    { key: 'mine', data: mine.data },
    { key: 'at-risk', data: atRisk.data },
    { key: 'overdue', data: overdue.data },
  ] as const;
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboards.decisions.title')}</h2>} style={{ marginBottom: 16 }} data-testid="indicators-decisions">
      <Flex wrap gap={32}>
        {entries.map((e) => (
          <Link key={e.key} to={e.key === 'mine' ? '/admin/dossiers' : `/admin/dossiers?queue=${e.key}`} data-testid={`decisions-${e.key}`}>
            <Statistic
              title={t(`dashboards.decisions.${e.key}`)}
              value={e.data ? `${e.data.total.toLocaleString('vi-VN')}${e.data.totalExact ? '' : '+'}` : '…'}
              valueStyle={e.key === 'overdue' && (e.data?.total ?? 0) > 0 ? { color: '#cf1322' } : undefined}
            />
          </Link>
        ))}
      </Flex>
    </Card>
  );
}

/** A count that opens the list of dossiers behind it (issue 12 item 3). */
/** The narrowing's chosen parts only (no `undefined` keys in the query's cache key). */
const definedOnly = (n: { field: string | undefined; procedure: string | undefined }) => ({
  ...(n.field ? { field: n.field } : {}),
  ...(n.procedure ? { procedure: n.procedure } : {}),
});

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
        <div>
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
        </div>
      ) : null}
      {children ? <div>{children}</div> : null}
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
  const { data: tree } = useOrgUnitTree(false, !!me?.actions.includes('identity.org-units.list'));
  // The units the reader may choose: the whole tree for the province's readers, the subtrees of their grants otherwise
  // (a department's leader picks the department or one of its divisions).
  const units = useMemo(() => {
    const node = (n: OrgUnitNode): UnitOption => ({ value: n.code, title: n.name, children: n.children.map(node) });
    if (tree) {
      const roots: OrgUnitNode[] = [];
      const granted = new Set(me?.grants.map((g) => g.orgUnitId));
      const visit = (n: OrgUnitNode) => (granted.has(n.id) ? roots.push(n) : n.children.forEach(visit));
      if (provinceReader) roots.push(...tree.items);
      else tree.items.forEach(visit);
      if (roots.length > 0) return roots.map(node);
    }
    const seen = new Map<string, string>();
    for (const g of me?.grants ?? []) if (!seen.has(g.orgUnitCode)) seen.set(g.orgUnitCode, g.orgUnitName);
    return [...seen].map(([code, name]): UnitOption => ({ value: code, title: name, children: [] }));
  }, [me, tree, provinceReader]);
  const [unit, setUnit] = useState<string | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [period, setPeriod] = useState<Period>('month');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs());
  const [narrowing, setNarrowing] = useState<{ field: string | undefined; procedure: string | undefined }>({ field: undefined, procedure: undefined });
  const chosenUnit = unit ?? units[0]?.value ?? null;
  const dates = periodDates(period, range, anchor);
  const filter: IndicatorFilter | null = chosenUnit && dates ? { unit: chosenUnit, ...dates, subtree, ...definedOnly(narrowing) } : null;
  const { data, isPending, error } = useIndicatorSummary(filter);
  // The open tab is kept in the address (?tab=unit), so a link opens the comparison of units.
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = asked === 'unit' || asked === 'scorecard' || asked === 'feedback' || asked === 'documents' ? asked : 'month';
  const setTab = (k: Tab) => setParams(k === 'month' ? {} : { tab: k }, { replace: true });
  const byMonth = useIndicatorBreakdown(filter, 'month');
  const byUnit = useIndicatorBreakdown(filter && subtree ? filter : null, 'unit');
  const [drill, setDrill] = useState<{ filter: IndicatorFilter; measure: IndicatorMeasure } | null>(null);
  const open = (m: IndicatorMeasure) => filter && setDrill({ filter, measure: m });
  const openRow = (row: IndicatorBreakdownRow, m: IndicatorMeasure) => filter && setDrill({ filter: rowFilter(filter, row), measure: m });
  const leader = !!me?.grants.some((g) => g.role === 'leader') && !!me.actions.includes('dossiers.list');

  const onTimeBelow = data?.onTimeRate != null && data.onTimeRate < ON_TIME_TARGET;
  const satisfactionBelow = data?.satisfiedRate != null && data.satisfiedRate < SATISFACTION_TARGET;

  return (
    <div>
      <PageHeader title={t('dashboards.indicators.title')} subtitle={data ? t('dashboards.indicators.asOf', { at: formatInstant(data.asOf) }) : undefined} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <TreeSelect
            style={{ minWidth: 300, maxWidth: '100%' }}
            treeData={units}
            treeDefaultExpandedKeys={units.map((u) => u.value)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            value={chosenUnit ?? undefined}
            onChange={(v: string) => setUnit(v)}
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
          {period !== 'custom' ? (
            <DatePicker
              picker={period}
              format={period === 'month' ? 'MM/YYYY' : period === 'year' ? 'YYYY' : undefined}
              value={anchor}
              allowClear={false}
              onChange={(v) => v && setAnchor(v)}
              aria-label={t(`dashboards.indicators.pick.${period}`)}
              data-testid="indicators-anchor"
            />
          ) : null}
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
          <IndicatorNarrowing field={narrowing.field} procedure={narrowing.procedure} onChange={setNarrowing} />
          {filter ? (
            <Button icon={<DownloadOutlined />} href={indicatorExportUrl(filter)} download data-testid="indicators-export">
              {t('dashboards.indicators.export')}
            </Button>
          ) : null}
          {filter ? (
            <Button icon={<DownloadOutlined />} href={periodReportUrl(filter)} download title={t('dashboards.indicators.periodReportHint')} data-testid="indicators-period-report">
              {t('dashboards.indicators.periodReport')}
            </Button>
          ) : null}
        </Flex>
        {dates ? (
          <Typography.Text type="secondary" data-testid="indicators-dates">
            {t('dashboards.indicators.dates', { from: dayjs(dates.from).format('DD/MM/YYYY'), to: dayjs(dates.to).format('DD/MM/YYYY') })}
          </Typography.Text>
        ) : null}
      </Card>
      {leader ? <DecisionsCard /> : null}
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
                <DrillCount label={t('dashboards.measure.open-at-risk')} count={data.openAtRisk} measure="open-at-risk" onOpen={open} />
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
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-late-held"
              title={t('dashboards.indicators.lateHeld')}
              value={data.lateHeld}
              definition={t('dashboards.indicators.def.lateHeld')}
              measure="late-held"
              onOpen={open}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-apologies"
              title={t('dashboards.indicators.apologies')}
              value={data.apologies}
              definition={`${t('dashboards.indicators.def.apologies')} ${t('dashboards.indicators.def.supplements')}`}
              measure="apologies"
              onOpen={open}
            >
              <DrillCount label={t('dashboards.measure.supplements')} count={data.supplements} measure="supplements" onOpen={open} />
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-criteria"
              title={t('dashboards.indicators.criteria')}
              value={[data.satisfiedTimeRate, data.satisfiedAttitudeRate, data.satisfiedClarityRate].map(percent).join(' · ')}
              definition={t('dashboards.indicators.def.criteria')}
            >
              <Typography.Text type="secondary">{t('dashboards.indicators.criteriaNames')}</Typography.Text>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Figure
              testId="indicator-working-time"
              title={t('dashboards.indicators.workingTime')}
              value={t('dashboards.indicators.workingDays', { used: workingDays(data.averageUsedWorkingDays), allowed: workingDays(data.averageAllowedWorkingDays) })}
              definition={t('dashboards.indicators.def.workingTime')}
            >
              <Typography.Text>{t('dashboards.indicators.workingTimeShare', { share: percent(data.workingTimeUsedShare), count: data.timedFinished })}</Typography.Text>
            </Figure>
          </Col>
          <Col xs={24} md={12} xl={16}>
            <Figure
              testId="indicator-online-services"
              title={t('dashboards.indicators.onlineServices', { on: dayjs(data.onlineServices.on).format('DD/MM/YYYY') })}
              value={percent(data.onlineServices.onlineShare)}
              definition={`${t('dashboards.indicators.def.onlineServices')} ${t('dashboards.indicators.def.feesOnline')}`}
            >
              <Typography.Text>{t('dashboards.indicators.onlineModes', data.onlineServices)}</Typography.Text>
              <div>
                <Typography.Text data-testid="indicator-fees-online">
                  {t('dashboards.indicators.feesOnline', { online: data.feePaidOnline, total: data.feeDossiers, share: percent(data.feePaidOnlineShare) })}
                </Typography.Text>
              </div>
            </Figure>
          </Col>
        </Row>
      ) : null}
      {data ? (
        <Card size="small" style={{ marginTop: 16 }}>
          <Tabs
            activeKey={subtree || tab !== 'unit' ? tab : 'month'}
            onChange={(k) => setTab(k as Tab)}
            items={[
              {
                key: 'month',
                label: t('dashboards.tabs.month'),
                children: byMonth.data ? (
                  <Flex vertical gap={16}>
                    <RateTrendChart rows={byMonth.data.rows} />
                    <IndicatorTable data={byMonth.data} onDrill={openRow} testId="indicators-by-month" />
                  </Flex>
                ) : (
                  <Skeleton active />
                ),
              },
              ...(subtree
                ? [
                    {
                      key: 'unit',
                      label: t('dashboards.tabs.unit'),
                      children: byUnit.data ? (
                        <Flex vertical gap={16}>
                          <UnitRateChart rows={byUnit.data.rows} />
                          <IndicatorTable data={byUnit.data} onDrill={openRow} testId="indicators-by-unit" />
                        </Flex>
                      ) : (
                        <Skeleton active />
                      ),
                    },
                  ]
                : []),
              {
                key: 'feedback',
                label: t('dashboards.tabs.feedback'),
                children: filter ? (
                  <Flex vertical gap={24}>
                    <FeedbackIndicatorsPanel filter={filter} />
                    <CommitmentIndicatorsPanel filter={filter} />
                  </Flex>
                ) : null,
              },
              {
                key: 'documents',
                label: t('dashboards.tabs.documents'),
                children: filter ? <DocumentIndicatorsPanel filter={filter} /> : null,
              },
              {
                key: 'scorecard',
                label: t('dashboards.tabs.scorecard'),
                children: filter ? (
                  <ScorecardPanel
                    filter={filter}
                    onDrill={(code, m) => setDrill({ filter: { ...filter, unit: code, subtree: code === filter.unit ? false : filter.subtree }, measure: m })}
                  />
                ) : null,
              },
            ]}
          />
        </Card>
      ) : null}
      {filter ? <IndicatorDossiersDrawer filter={drill?.filter ?? filter} measure={drill?.measure ?? null} onClose={() => setDrill(null)} /> : null}
    </div>
  );
}
