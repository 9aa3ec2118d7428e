import { Breadcrumb, Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../identity/identity.api';
import { ACCOUNT_PATHS } from '../portal-account/account-form';
import { SubmissionEditor } from './SubmissionEditor';
import { SubmissionStatusView } from './SubmissionStatusView';
import { EDITABLE, SUBMISSION_PATHS } from './submission-form';
import { useSubmission } from './submissions.api';

/**
 * One online application of the signed-in account at `/ho-so-nop-truc-tuyen/:id`: written and completed here while a
 * draft or guided (from any device: it is saved on the server as it is typed), otherwise its outcome and history.
 */
export function SubmissionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending: mePending } = useMe();
  const citizen = me?.kind === 'citizen';
  const { data, isPending, error } = useSubmission(citizen ? id : undefined);
  const failure = error instanceof ApiError && (error.status === 404 || error.status === 403) ? t('submissions.page.notFound') : (error?.message ?? t('submissions.page.officer'));
  useDocumentTitle(!citizen || error ? failure : null);

  if (mePending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!me) return <Navigate to={`${ACCOUNT_PATHS.signIn}?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!citizen || error) {
    return (
      <Result status={citizen ? '404' : 'info'} title={<h1>{failure}</h1>} extra={<Link to={citizen ? SUBMISSION_PATHS.mine : '/admin'}>{t('submissions.page.back')}</Link>} />
    );
  }
  if (isPending || !data) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <Link to="/">{t('portal.header.home')}</Link> },
          { title: <Link to={SUBMISSION_PATHS.mine}>{t('submissions.mine.title')}</Link> },
          { title: data.reference ?? t('submissions.states.DRAFT') },
        ]}
      />
      {/* Keyed by state: a submit or a decision swaps the editor for the outcome (and back after a guide). */}
      {EDITABLE.includes(data.state) && data.actions.edit ? <SubmissionEditor key={`${data.id}-${data.state}`} detail={data} /> : <SubmissionStatusView detail={data} />}
    </Flex>
  );
}
