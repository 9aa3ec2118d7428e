import type { KeyboardEvent } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXCHANGE_ROW_STATES, type ExchangeOutbox, type ExchangeRowState } from './exchange.types';
import { EXCHANGE_STATE_ICON } from './ExchangeStateTag';

const ACCENT: Record<ExchangeRowState, string> = { sent: '#389e0d', waiting: '#1677ff', failing: '#cf1322' };

/**
 * How many changes are sent, waiting and failing, each a card that filters the list by its state (pressed again, it
 * clears the filter). The pressed card says so to assistive technology (aria-pressed) and shows a thicker border.
 */
export function ExchangeCounts({
  counts,
  selected,
  onSelect,
}: {
  counts: ExchangeOutbox['counts'] | undefined;
  selected: ExchangeRowState | undefined;
  onSelect: (state: ExchangeRowState | undefined) => void;
}) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(t('common.numberLocale'));
  const toggle = (state: ExchangeRowState) => onSelect(selected === state ? undefined : state);
  const onKey = (state: ExchangeRowState) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    toggle(state);
  };

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {EXCHANGE_ROW_STATES.map((state) => {
        const pressed = selected === state;
        return (
          <Col key={state} xs={24} sm={8}>
            <Card
              size="small"
              hoverable
              role="button"
              tabIndex={0}
              aria-pressed={pressed}
              onClick={() => toggle(state)}
              onKeyDown={onKey(state)}
              style={{ height: '100%', cursor: 'pointer', borderColor: pressed ? ACCENT[state] : undefined, borderWidth: pressed ? 2 : undefined }}
              data-testid={`exchange-count-${state}`}
            >
              <Statistic
                title={t(`exchange.state.${state}`)}
                value={counts?.[state] ?? 0}
                loading={!counts}
                formatter={(v) => number.format(Number(v))}
                prefix={<span style={{ color: ACCENT[state] }}>{EXCHANGE_STATE_ICON[state]}</span>}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
