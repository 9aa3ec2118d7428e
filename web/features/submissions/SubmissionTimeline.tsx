import { Button, Flex, Timeline, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';
import type { SubmissionDetail } from './submissions.types';

/** The application's history: each event with its time, who acted, the text and the slip it issued (PDF). */
export function SubmissionTimeline({ timeline }: { timeline: SubmissionDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="submission-timeline"
      items={timeline.map((e, i) => ({
        key: i,
        content: (
          <Flex vertical>
            <Typography.Text type="secondary">
              {formatInstant(e.at)} — {t(`submissions.events.${e.kind}`)}
              {e.actorLabel ? ` (${e.actorLabel})` : ''}
            </Typography.Text>
            <span className="wrap-anywhere">{e.text}</span>
            {e.slipUrl ? (
              <Button type="link" icon={<FilePdfOutlined />} href={e.slipUrl} target="_blank" rel="noopener" style={{ paddingInline: 0, height: 'auto', alignSelf: 'flex-start' }}>
                {t('submissions.status.openSlip')}
              </Button>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
