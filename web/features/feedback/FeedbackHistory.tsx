import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';
import type { FeedbackDetail } from './feedback.types';

/** Kinds of history entries drawn in colour: the answer green, closings and escalations red, pauses blue. */
const COLOR: Partial<Record<FeedbackDetail['history'][number]['kind'], string>> = {
  answered: 'green',
  'closed-out-of-scope': 'gray',
  merged: 'gray',
  escalated: 'red',
  'info-requested': 'blue',
  'sent-back': 'orange',
  reopened: 'orange',
};

/** The item's history, oldest first, in the words the server wrote (translated to the reader's language). */
export function FeedbackHistory({ history }: { history: FeedbackDetail['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Typography.Text type="secondary">{t('feedback.detail.noHistory')}</Typography.Text>;
  return (
    <Timeline
      items={history.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: COLOR[h.kind] ?? 'blue',
        content: (
          <div data-kind={h.kind}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(h.at)}
              {h.actorLabel ? ` · ${h.actorLabel}` : ''}
            </Typography.Text>
            <div className="wrap-anywhere">{h.text}</div>
          </div>
        ),
      }))}
    />
  );
}
