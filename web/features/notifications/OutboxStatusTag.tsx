import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_SKIP_REASONS, type OutboxMessage } from '../../../contracts/notifications/notifications.contracts';

/** The last error for people: skip reasons are translated, transport errors are shown as the server reported them. */
export function lastErrorText(message: OutboxMessage, t: TFunction): string | null {
  const e = message.lastError;
  if (e && (NOTIFICATION_SKIP_REASONS as readonly string[]).includes(e)) return t(`notifications.skipReasons.${e}`);
  return e;
}

const COLORS: Record<OutboxMessage['status'], string> = {
  pending: 'gold',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

/** Delivery status with the number of attempts; the last error shows on hover. */
export function OutboxStatusTag({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={COLORS[message.status]}>
      {t(`notifications.status.${message.status}`)}
      {message.attempts > 1 ? ` · ${t('notifications.outbox.attemptsShort', { count: message.attempts })}` : ''}
    </Tag>
  );
  const error = lastErrorText(message, t);
  return error ? <Tooltip title={error}>{tag}</Tooltip> : tag;
}
