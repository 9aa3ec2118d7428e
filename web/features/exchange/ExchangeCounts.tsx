import type { KeyboardEvent, ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EXCHANGE_INBOUND_STATES, EXCHANGE_ROW_STATES, type ExchangeInbound, type ExchangeInboundState, type ExchangeOutbox, type ExchangeRowState } from './exchange.types';
import { EXCHANGE_STATE_ICON, INBOUND_STATE_ICON } from './ExchangeStateTag';

const ACCENT: Record<ExchangeRowState, string> = { sent: '#389e0d', waiting: '#1677ff', failing: '#cf1322' };
const INBOUND_ACCENT: Record<ExchangeInboundState, string> = { received: '#389e0d', unreadable: '#cf1322', failed: '#d46b08' };

/** One count card: a statistic with its icon; with `onToggle`, a toggle button that filters the list. */
function CountCard({
  title,
  value,
  loading,
  accent,
  icon,
  pressed,
  onToggle,
  testId,
}: {
  title: string;
  value: number;
  loading: boolean;
  accent: string;
  icon: ReactNode;
  pressed?: boolean;
  onToggle?: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(t('common.numberLocale'));
  const onKey = (e: KeyboardEvent) => {
    if (!onToggle || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    onToggle();
  };
  const button = onToggle ? { hoverable: true, role: 'button', tabIndex: 0, 'aria-pressed': !!pressed, onClick: onToggle, onKeyDown: onKey } : {};
  return (
    <Card
      size="small"
      {...button}
      style={{ height: '100%', cursor: onToggle ? 'pointer' : undefined, borderColor: pressed ? accent : undefined, borderWidth: pressed ? 2 : undefined }}
      data-testid={testId}
    >
      <Statistic title={title} value={value} loading={loading} formatter={(v) => number.format(Number(v))} prefix={<span style={{ color: accent }}>{icon}</span>} />
    </Card>
  );
}

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
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {EXCHANGE_ROW_STATES.map((state) => (
        <Col key={state} xs={24} sm={8}>
          <CountCard
            title={t(`exchange.state.${state}`)}
            value={counts?.[state] ?? 0}
            loading={!counts}
            accent={ACCENT[state]}
            icon={EXCHANGE_STATE_ICON[state]}
            pressed={selected === state}
            onToggle={() => onSelect(selected === state ? undefined : state)}
            testId={`exchange-count-${state}`}
          />
        </Col>
      ))}
    </Row>
  );
}

/**
 * How many dossiers picked up from the portal were received, unreadable or failed (each a card filtering the list, as
 * ExchangeCounts), and how many received ones the portal has not been told about yet (only shown: no filter for it).
 */
export function InboundCounts({
  counts,
  selected,
  onSelect,
}: {
  counts: ExchangeInbound['counts'] | undefined;
  selected: ExchangeInboundState | undefined;
  onSelect: (state: ExchangeInboundState | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {EXCHANGE_INBOUND_STATES.map((state) => (
        <Col key={state} xs={24} sm={12} lg={6}>
          <CountCard
            title={t(`exchange.inboundState.${state}`)}
            value={counts?.[state] ?? 0}
            loading={!counts}
            accent={INBOUND_ACCENT[state]}
            icon={INBOUND_STATE_ICON[state]}
            pressed={selected === state}
            onToggle={() => onSelect(selected === state ? undefined : state)}
            testId={`inbound-count-${state}`}
          />
        </Col>
      ))}
      <Col xs={24} sm={12} lg={6}>
        <CountCard
          title={t('exchange.inbound.unacknowledged')}
          value={counts?.unacknowledged ?? 0}
          loading={!counts}
          accent="#1677ff"
          icon={<ClockCircleOutlined aria-hidden />}
          testId="inbound-count-unacknowledged"
        />
      </Col>
    </Row>
  );
}
