import { useMemo } from 'react';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry, WeeklyHours } from './calendar.types';
import { dateWithWeekday } from './calendar.format';
import { monthWeeks, type DayStatus } from './year-grid';

/** Colours of the grid and its legend. */
export const DAY_COLOURS: Record<DayStatus, { background: string; color: string; border: string }> = {
  working: { background: '#ffffff', color: '#1f2937', border: '#e5e7eb' },
  weekend: { background: '#f1f5f9', color: '#64748b', border: '#e2e8f0' },
  'day-off': { background: '#fde2e1', color: '#a8071a', border: '#f5a3a0' },
  'make-up': { background: '#d9f7be', color: '#135200', border: '#95de64' },
};

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Twelve month grids of a calendar year: working days, weekly rest days, days off and make-up days (hover for the reason). */
export function YearGrid({ year, hours, entries, onPickDate }: { year: number; hours: WeeklyHours; entries: readonly CalendarEntry[]; onPickDate?: (date: string) => void }) {
  const { t } = useTranslation();
  const byDate = useMemo(() => new Map(entries.map((e) => [e.date, e])), [entries]);
  return (
    <Row gutter={[12, 12]} data-testid="year-grid">
      {MONTHS.map((month) => (
        <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
          <Card size="small" title={t(`calendar.months.${month}`)} styles={{ body: { padding: 8 } }}>
            <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed' }}>
              <thead>
                <tr>
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <th key={d} style={{ fontSize: 11, fontWeight: 500, color: '#6b7280', textAlign: 'center' }}>
                      {t(`calendar.weekdaysShort.${d}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthWeeks(year, month, hours, byDate).map((week, i) => (
                  <tr key={i}>
                    {week.map((cell, j) => {
                      if (!cell) return <td key={j} />;
                      const colours = DAY_COLOURS[cell.status];
                      const label = cell.entry ? `${cell.entry.reason} — ${cell.entry.reference}` : t(`calendar.legend.${cell.status}`);
                      return (
                        <td key={j} style={{ padding: 0 }}>
                          <Tooltip title={`${dateWithWeekday(t, cell.date)}: ${label}`}>
                            <button
                              type="button"
                              data-date={cell.date}
                              data-status={cell.status}
                              aria-label={`${dateWithWeekday(t, cell.date)}: ${label}`}
                              onClick={onPickDate ? () => onPickDate(cell.date) : undefined}
                              style={{
                                width: '100%',
                                height: 26,
                                padding: 0,
                                fontSize: 12,
                                lineHeight: '24px',
                                textAlign: 'center',
                                borderRadius: 4,
                                cursor: onPickDate ? 'pointer' : 'default',
                                background: colours.background,
                                color: colours.color,
                                border: `1px ${cell.entry?.status === 'draft' ? 'dashed' : 'solid'} ${colours.border}`,
                                fontWeight: cell.entry ? 600 : 400,
                              }}
                            >
                              {cell.day}
                            </button>
                          </Tooltip>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The colour legend of the year grid. */
export function CalendarLegend({ draft }: { draft: boolean }) {
  const { t } = useTranslation();
  const swatch = (status: DayStatus, dashed = false) => (
    <span
      style={{
        display: 'inline-block',
        width: 16,
        height: 16,
        borderRadius: 4,
        verticalAlign: 'middle',
        marginInlineEnd: 6,
        background: DAY_COLOURS[status].background,
        border: `1px ${dashed ? 'dashed' : 'solid'} ${DAY_COLOURS[status].border}`,
      }}
    />
  );
  return (
    <Typography.Paragraph style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 12 }} data-testid="calendar-legend">
      {(['working', 'weekend', 'day-off', 'make-up'] as const).map((s) => (
        <span key={s}>
          {swatch(s)}
          {t(`calendar.legend.${s}`)}
        </span>
      ))}
      {draft ? (
        <span>
          {swatch('day-off', true)}
          {t('calendar.legend.unconfirmed')}
        </span>
      ) : null}
    </Typography.Paragraph>
  );
}
