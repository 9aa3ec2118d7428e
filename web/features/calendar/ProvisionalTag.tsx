import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The year (Asia/Ho_Chi_Minh) of an appointment, named in the provisional wording. */
const yearOf = (iso: string): number => new Date(Date.parse(iso) + 7 * 3_600_000).getUTCFullYear();

/** "Tạm tính" beside an appointment that relies on a year whose official calendar is not published yet (issue 8 item 7). */
export function ProvisionalTag({ due }: { due: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('calendar.provisional.tooltip', { year: yearOf(due) })}>
      <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="due-provisional">
        {t('calendar.provisional.tag')}
      </Tag>
    </Tooltip>
  );
}

/** The public's notice under a provisional appointment: it may move, and the applicant will be told. */
export function ProvisionalNotice({ due }: { due: string }) {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="lookup-provisional" title={t('calendar.provisional.notice', { year: yearOf(due) })} />;
}
