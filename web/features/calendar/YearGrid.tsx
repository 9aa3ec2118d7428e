import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry, WeeklyHours } from './calendar.types';
import { dateWithWeekday } from './calendar.format';
import { monthWeeks, type DayStatus } from './year-grid';

/** Colours of the grid and its legend. */
export const DAY_COLOURS: Record<DayStatus, { background: string; color: string; border: string }> = {
  working: { background: '#ffffff', color: '#1f2937', border: '#e5e7eb' },
  // Text colours reach 4.5:1 on their backgrounds (WCAG 1.4.3): weekend 5.8:1, day off 6.3:1, make-up 8:1.
  weekend: { background: '#f1f5f9', color: '#526075', border: '#e2e8f0' },
  'day-off': { background: '#fde2e1', color: '#a8071a', border: '#f5a3a0' },
  'make-up': { background: '#d9f7be', color: '#135200', border: '#95de64' },
};

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Days moved by each arrow key in the grid (a week per row). */
const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** `date` (YYYY-MM-DD) moved by `days`, in UTC so no time zone shifts it. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Twelve month grids of a calendar year: working days, weekly rest days, days off and make-up days (hover for the reason). */
export function YearGrid({ year, hours, entries, onPickDate }: { year: number; hours: WeeklyHours; entries: readonly CalendarEntry[]; onPickDate?: (date: string) => void }) {
  const { t } = useTranslation();
  const byDate = useMemo(() => new Map(entries.map((e) => [e.date, e])), [entries]);
  // One tab stop for the whole year (roving tabindex): the arrow keys move between days, Home/End to the year's ends,
  // so a keyboard user does not tab through 365 buttons to get past the grid (WCAG 2.1.1).
  const grid = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(() => `${year}-01-01`);
  const active = current.startsWith(`${year}-`) ? current : `${year}-01-01`;
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const date = e.currentTarget.dataset.date!;
    const next = e.key === 'Home' ? `${year}-01-01` : e.key === 'End' ? `${year}-12-31` : STEPS[e.key] ? addDays(date, STEPS[e.key]!) : null;
    if (!next || !next.startsWith(`${year}-`)) return;
    e.preventDefault();
    setCurrent(next);
    grid.current?.querySelector<HTMLButtonElement>(`button[data-date="${next}"]`)?.focus();
  };
  return (
    <Row gutter={[12, 12]} data-testid="year-grid" ref={grid}>
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
                              // The visible day number comes first, so the name contains what is seen (WCAG 2.5.3).
                              aria-label={`${cell.day}, ${dateWithWeekday(t, cell.date)}: ${label}`}
                              tabIndex={cell.date === active ? 0 : -1}
                              onKeyDown={onKeyDown}
                              onFocus={() => setCurrent(cell.date)}
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
