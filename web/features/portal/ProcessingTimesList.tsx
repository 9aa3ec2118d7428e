import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessingTime } from '../catalog/catalog.types';
import { formatDuration } from '../catalog/format';
import { TimeUnreadableTag } from './TimeUnreadableTag';

/** Processing time per channel; an unreadable time is shown verbatim with a warning tag and the reason. */
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
                <Typography.Text>{p.raw || t('portal.detail.notStated')}</Typography.Text>{' '}
                <TimeUnreadableTag reason={p.issue ? t(`catalog.timeIssues.${p.issue}`) : undefined} />
              </>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
