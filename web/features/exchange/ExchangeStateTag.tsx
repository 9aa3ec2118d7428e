import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExchangeInboundState, ExchangeRowState } from './exchange.types';

/** antd colour of each state; the icon and the words carry the meaning too. */
export const EXCHANGE_STATE_COLOR: Record<ExchangeRowState, string> = { sent: 'green', waiting: 'blue', failing: 'red' };

/** The icon of each state, shared by the tags and the count cards. */
export const EXCHANGE_STATE_ICON: Record<ExchangeRowState, ReactNode> = {
  sent: <CheckCircleOutlined aria-hidden />,
  waiting: <ClockCircleOutlined aria-hidden />,
  failing: <ExclamationCircleOutlined aria-hidden />,
};

/** A change's state on its way to the national portal as a tag: colour, icon and words, so the colour never carries the meaning alone. */
export function ExchangeStateTag({ state }: { state: ExchangeRowState }) {
  const { t } = useTranslation();
  return (
    <Tag color={EXCHANGE_STATE_COLOR[state]} icon={EXCHANGE_STATE_ICON[state]} data-state={state} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {t(`exchange.state.${state}`)}
    </Tag>
  );
}

/** antd colour of each state of a dossier picked up from the portal. */
export const INBOUND_STATE_COLOR: Record<ExchangeInboundState, string> = { received: 'green', unreadable: 'red', failed: 'orange' };

/** The icon of each inbound state, shared by the tags and the count cards. */
export const INBOUND_STATE_ICON: Record<ExchangeInboundState, ReactNode> = {
  received: <CheckCircleOutlined aria-hidden />,
  unreadable: <CloseCircleOutlined aria-hidden />,
  failed: <SyncOutlined aria-hidden />,
};

/** A dossier picked up from the national portal as a tag: colour, icon and words. */
export function InboundStateTag({ state }: { state: ExchangeInboundState }) {
  const { t } = useTranslation();
  return (
    <Tag color={INBOUND_STATE_COLOR[state]} icon={INBOUND_STATE_ICON[state]} data-state={state} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {t(`exchange.inboundState.${state}`)}
    </Tag>
  );
}
