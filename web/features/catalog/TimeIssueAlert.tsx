import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureVersion } from './catalog.types';

/** Warns the editor that a processing time cannot be turned into a deadline, with the published text and the reason. */
export function TimeIssueAlert({ version }: { version: ProcedureVersion }) {
  const { t } = useTranslation();
  if (version.timeReadable) return null;
  const unreadable = version.processingTimes.filter((p) => !p.readable);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('catalog.editor.timeUnreadable')}
      description={
        unreadable.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {unreadable.map((p, i) => (
              <li key={i}>
                {t(`catalog.channels.${p.channel}`)}: «{p.raw || '—'}» — {p.issue ? t(`catalog.timeIssues.${p.issue}`) : ''}
              </li>
            ))}
          </ul>
        ) : (
          t('catalog.timeIssues.missing')
        )
      }
    />
  );
}
