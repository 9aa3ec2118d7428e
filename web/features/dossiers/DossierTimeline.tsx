import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './dossiers.format';
import type { DossierDetail } from './dossiers.types';

/** What happened to the dossier, oldest first; internal entries are marked (the public lookup shows only the others). */
export function DossierTimeline({ entries }: { entries: DossierDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((e) => ({
        key: e.id,
        color: e.public ? 'blue' : 'gray',
        content: (
          <div className="wrap-anywhere">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(e.at)}
            </Typography.Text>
            <div>
              {e.text}
              {!e.public ? (
                <Tag style={{ marginInlineStart: 6 }} color="default">
                  {t('dossiers.detail.internal')}
                </Tag>
              ) : null}
            </div>
            {e.note ? <Typography.Text type="secondary">{t('dossiers.detail.noteValue', { note: e.note })}</Typography.Text> : null}
            {e.actorLabel ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorLabel}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
