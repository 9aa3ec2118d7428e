import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorBreakdownRow } from '../../../contracts/dashboards/dashboards.contracts';
import { EChart, type ChartOption } from '../../ui/EChart';
import { ON_TIME_TARGET, SATISFACTION_TARGET, monthLabel } from './indicator-targets';

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** A target drawn as a dashed horizontal (or vertical) line with its value. */
function targetLine(name: string, share: number, color: string) {
  return { silent: true, symbol: 'none', lineStyle: { type: 'dashed' as const, color }, label: { formatter: `${name} ${share * 100} %` }, data: [{ yAxis: share * 100 }] };
}

/** The on-time and satisfaction rates month by month, with the province's targets (98 %, 95 %) as lines (issue 12 item 4). */
export function RateTrendChart({ rows }: { rows: readonly IndicatorBreakdownRow[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)} %`) },
      legend: { bottom: 0 },
      grid: { left: 48, right: 96, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: rows.map((r) => monthLabel(r.month!)) },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10), max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          type: 'line',
          name: t('dashboards.indicators.onTimeRate'),
          data: rows.map((r) => pct(r.onTimeRate)),
          connectNulls: false,
          color: '#1677ff',
          markLine: targetLine(t('dashboards.chart.onTimeTarget'), ON_TIME_TARGET, '#1677ff'),
        },
        {
          type: 'line',
          name: t('dashboards.indicators.satisfiedRate'),
          data: rows.map((r) => pct(r.satisfiedRate)),
          connectNulls: false,
          color: '#389e0d',
          markLine: targetLine(t('dashboards.chart.satisfactionTarget'), SATISFACTION_TARGET, '#389e0d'),
        },
      ],
    }),
    [rows, t],
  );
  return <EChart option={option} label={t('dashboards.chart.trendLabel')} testId="indicators-trend-chart" />;
}

/** Each unit's on-time rate side by side, with the 98 % target as a line (issue 12 item 4). */
export function UnitRateChart({ rows }: { rows: readonly IndicatorBreakdownRow[] }) {
  const { t } = useTranslation();
  const shown = useMemo(() => rows.filter((r) => r.finished > 0), [rows]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)} %`) },
      grid: { left: 8, right: 48, top: 24, bottom: 24, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.unit!.name), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('dashboards.indicators.onTimeRate'),
          data: shown.map((r) => ({ value: pct(r.onTimeRate), itemStyle: { color: (r.onTimeRate ?? 0) < ON_TIME_TARGET ? '#cf1322' : '#1677ff' } })),
          markLine: { ...targetLine(t('dashboards.chart.onTimeTarget'), ON_TIME_TARGET, '#595959'), data: [{ xAxis: ON_TIME_TARGET * 100 }] },
        },
      ],
    }),
    [shown, t],
  );
  return <EChart option={option} height={Math.max(160, 40 + shown.length * 36)} label={t('dashboards.chart.unitsLabel')} testId="indicators-units-chart" />;
}
