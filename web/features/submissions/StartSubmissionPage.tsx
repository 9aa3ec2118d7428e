import { Alert, Breadcrumb, Button, Card, Flex, Form, List, Result, Select, Skeleton, Typography } from 'antd';
import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { localText } from '../catalog/eform-rules';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { OnlineModeTag } from '../portal/OnlineModeTag';
import { ACCOUNT_PATHS } from '../portal-account/account-form';
import { SubmissionStateTag } from './SubmissionStateTag';
import { EDITABLE, SUBMISSION_PATHS } from './submission-form';
import { useMySubmissions, useProcedureById, useReceptionDesks, useStartSubmission } from './submissions.api';

interface StartValues {
  receivingUnitId?: string;
}

/**
 * `/nop-ho-so/:procedureId`, where the procedure page's "Nộp hồ sơ trực tuyến" leads: a signed-in citizen continues an
 * application of this procedure not yet submitted, or starts one at the desk of their choice (the applicant and the
 * e-form come pre-filled from the account). Anyone else signs in first and comes back here.
 */
export function StartSubmissionPage() {
  const { procedureId } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const showError = useApiError();
  const { data: me, isPending: mePending } = useMe();
  const citizen = me?.kind === 'citizen';
  const procedure = useProcedureById(procedureId);
  const mine = useMySubmissions({ pageSize: 100 }, citizen);
  const desks = useReceptionDesks(citizen);
  const start = useStartSubmission();
  const p = procedure.data;
  const notFound = procedure.error instanceof ApiError && procedure.error.status === 404;
  const problem = !citizen
    ? t('submissions.page.officer')
    : procedure.error
      ? notFound
        ? t('portal.detail.notFound')
        : procedure.error.message
      : p && !p.onlineService.submission
        ? t('submissions.start.notOnline', { code: p.code })
        : null;
  useDocumentTitle(problem);

  if (mePending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!me) return <Navigate to={`${ACCOUNT_PATHS.signIn}?next=${encodeURIComponent(SUBMISSION_PATHS.start(procedureId ?? ''))}`} replace />;
  if (citizen && procedure.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (problem || !p) {
    return (
      <Result
        status={notFound ? '404' : 'info'}
        title={<h1>{problem}</h1>}
        extra={
          p ? <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{t('submissions.start.backToProcedure')}</Link> : <Link to="/thu-tuc">{t('portal.detail.backToSearch')}</Link>
        }
      />
    );
  }

  const open = (mine.data?.items ?? []).filter((s) => s.procedureCode === p.code && EDITABLE.includes(s.state));
  const onFinish = (values: StartValues) =>
    start.mutate(
      { procedureId: p.procedureId, ...(values.receivingUnitId ? { receivingUnitId: values.receivingUnitId } : {}) },
      { onSuccess: (s) => void navigate(SUBMISSION_PATHS.one(s.id)), onError: (err) => showError(err, form) },
    );

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/">{t('portal.header.home')}</Link> },
          { title: <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{p.code}</Link> },
          { title: t('submissions.start.crumb') },
        ]}
      />
      <PageHeader title={t('submissions.start.title')} subtitle={<span className="wrap-anywhere">{p.name}</span>} />
      <Flex wrap gap={6} align="center">
        <OnlineModeTag mode={p.onlineMode} />
        {p.eForm ? (
          <Typography.Text type="secondary">
            <FormOutlined /> {t('portal.online.eform', { title: localText(p.eForm.title, i18n.language) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {open.length > 0 ? (
        <Card title={t('submissions.start.openTitle')} data-testid="open-drafts">
          <List
            dataSource={open}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <LinkButton key="resume" type="primary" to={SUBMISSION_PATHS.one(s.id)} icon={<EditOutlined />} data-testid="resume-draft">
                    {s.state === 'GUIDED' ? t('submissions.mine.complete') : t('submissions.mine.resume')}
                  </LinkButton>,
                ]}
              >
                <Flex vertical gap={2}>
                  <SubmissionStateTag state={s.state} />
                  <Typography.Text type="secondary">
                    {t('submissions.mine.updatedAt', { at: formatInstant(s.updatedAt) })} — {s.receivingUnit.name}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card title={open.length > 0 ? t('submissions.start.newTitle') : t('submissions.start.formTitle')}>
        <Typography.Paragraph>{t('submissions.start.intro')}</Typography.Paragraph>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('submissions.start.prefillHint')} />
        <Form<StartValues> form={form} layout="vertical" name="start-submission" onFinish={onFinish}>
          <Form.Item name="receivingUnitId" label={t('submissions.fields.receivingUnit')} extra={t('submissions.start.deskHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={desks.isPending}
              placeholder={t('submissions.start.deskPlaceholder')}
              options={(desks.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={start.isPending} data-testid="start-submission">
            {t('submissions.start.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
