import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../identity/identity.api';
import { useCalendarStatus } from './calendar.api';
import { CALENDAR_ACTIONS } from './calendar.types';

/**
 * Issue 8 item 7: tells calendar administrators, from 1 October, that next year's working calendar is not published,
 * and how many open dossiers have an appointment counted on the provisional (statutory) calendar meanwhile.
 */
export function CalendarStatusBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const status = useCalendarStatus(!!me?.actions.includes(CALENDAR_ACTIONS.manage));
  const warning = status.data?.warning;
  if (!warning) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="calendar-status-warning"
      title={t('calendar.status.warningTitle', { year: warning.year })}
      description={t('calendar.status.warningBody', { year: warning.year, count: status.data!.provisionalOpenItems })}
      action={
        <Button size="small" onClick={() => void navigate(`/admin/calendar?year=${warning.year}`)}>
          {t('calendar.status.open', { year: warning.year })}
        </Button>
      }
    />
  );
}
