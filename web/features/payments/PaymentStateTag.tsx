import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, FieldTimeOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { STATE_COLOR } from './payments.format';
import type { PaymentTransactionState } from './payments.types';

const ICONS: Record<PaymentTransactionState, ReactNode> = {
  pending: <ClockCircleOutlined aria-hidden />,
  succeeded: <CheckCircleOutlined aria-hidden />,
  failed: <CloseCircleOutlined aria-hidden />,
  cancelled: <StopOutlined aria-hidden />,
  expired: <FieldTimeOutlined aria-hidden />,
};

/** An attempt's state as a tag: colour, icon and words, so the colour never carries the meaning alone. */
export function PaymentStateTag({ state }: { state: PaymentTransactionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} icon={ICONS[state]} data-state={state} style={{ whiteSpace: 'normal' }}>
      {t(`payments.state.${state}`)}
    </Tag>
  );
}
