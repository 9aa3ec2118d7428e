import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentEvent } from '../../../contracts/documents/documents.contracts';
import { formatInstant } from '../dossiers/dossiers.format';

/** Kinds drawn in colour: the end of handling and the issue green, returns orange, reminders and overdue red. */
const COLOR: Partial<Record<DocumentEvent['kind'], string>> = { closed: 'green', issued: 'green', signed: 'green', returned: 'orange', reminded: 'red', escalated: 'red' };

/** A document's history, oldest first: what happened, by whom, and the text the server wrote (note, instruction). */
export function DocumentHistory({ events, testId }: { events: DocumentEvent[]; testId: string }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('documents.history.none')}</Typography.Text>;
  return (
    <div data-testid={testId}>
      <Timeline
        items={events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: COLOR[e.kind] ?? 'blue',
          content: (
            <div data-kind={e.kind}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatInstant(e.at)}
                {e.actorLabel ? ` · ${e.actorLabel}` : ''}
              </Typography.Text>
              <div>
                <Typography.Text strong>{t(`documents.events.${e.kind}`)}</Typography.Text>
              </div>
              {e.text ? <div className="wrap-anywhere">{e.text}</div> : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
