import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessingTime } from '../catalog/catalog.types';
import { formatDuration } from '../catalog/format';
import { TimeUnreadableTag } from './TimeUnreadableTag';

/**
 * The words a citizen reads for a time no deadline can be computed from (issue 9 item 9): a bare number ("1") or the
 * source's "Không có thông tin" is catalog bookkeeping, not information — the agency states the time at reception.
 * Verbatim words that say something ("Theo quy định…", several times by case) are kept.
 */
export function citizenTimeText(p: Pick<ProcessingTime, 'issue' | 'raw'>, t: (key: string) => string): string {
  if (p.issue === 'no-unit' || p.issue === 'no-information' || p.issue === 'missing' || !p.raw) return t('portal.detail.timeAskAgency');
  return p.raw;
}

/** Processing time per channel; a time the system cannot compute is worded for the citizen, never as a bare number. */
export function ProcessingTimesList({ times, fallbackText }: { times: ProcessingTime[]; fallbackText: string | null }) {
  const { t } = useTranslation();
  if (times.length === 0) {
    return <Typography.Text>{fallbackText ?? t('portal.detail.notStated')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={6}>
      {times.map((p, i) => {
        const readable = p.readable ? formatDuration(t, p.amount, p.unit) : null;
        return (
          <div key={i} className="wrap-anywhere" data-testid="processing-time">
            <Typography.Text strong>{t(`catalog.channels.${p.channel}`)}: </Typography.Text>
            {readable ? (
              <Typography.Text>{readable}</Typography.Text>
            ) : (
              <>
                <Typography.Text>{citizenTimeText(p, t)}</Typography.Text> <TimeUnreadableTag />
              </>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
