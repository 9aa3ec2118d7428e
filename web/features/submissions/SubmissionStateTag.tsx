import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stateColor } from './submission-form';
import type { SubmissionState } from './submissions.types';

/** The state of an online application, in words and colour. */
export function SubmissionStateTag({ state }: { state: SubmissionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor(state)} style={{ whiteSpace: 'normal' }} data-testid="submission-state">
      {t(`submissions.states.${state}`)}
    </Tag>
  );
}
