import { Alert, Breadcrumb, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formatAppointment } from '../dossiers/dossiers.format';
import { FEEDBACK_PATHS, usePublicFeedback } from './feedback-portal.api';
import { FollowButton } from './FollowButton';
import { vnDay } from './feedback-format';

/** Keeps the line breaks of a citizen's or an officer's text. */
const textStyle = { whiteSpace: 'pre-line' as const, margin: 0 };

/**
 * `/phan-anh-kien-nghi/cong-khai/:code`: one answered, published item and its answer, personal data masked (where the
 * notice to followers leads); a signed-in account may follow it to be told when it is answered again.
 */
export function PublicFeedbackDetailPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { data: item, isPending, error } = usePublicFeedback(code);
  const notFound = error instanceof ApiError && error.status === 404;
  const failure = notFound ? t('feedbackPortal.detail.notFound', { code }) : (error?.message ?? t('common.errors.unknown'));
  // The loaded page names itself through its PageTitle; this names the error page.
  useDocumentTitle(isPending || item ? null : failure);

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!item) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24 }}>{failure}</h1>}
        subTitle={notFound ? t('feedbackPortal.detail.notFoundHint') : undefined}
        extra={<Link to={FEEDBACK_PATHS.home}>{t('feedbackPortal.detail.back')}</Link>}
        data-testid="public-feedback-not-found"
      />
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 880, width: '100%', margin: '0 auto' }}>
      <Breadcrumb
        items={[{ title: <Link to="/">{t('portal.header.home')}</Link> }, { title: <Link to={FEEDBACK_PATHS.home}>{t('feedbackPortal.nav')}</Link> }, { title: item.code }]}
      />
      <div>
        <Flex wrap gap={6} style={{ marginBottom: 8 }}>
          <Tag data-testid="public-feedback-code">{item.code}</Tag>
          <Tag color="blue" style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
            {t(`feedbackPortal.kind.${item.kind}`)}
          </Tag>
        </Flex>
        <PageTitle documentTitle={t('feedbackPortal.detail.documentTitle', { code: item.code })} className="wrap-anywhere" data-testid="public-feedback-title">
          {item.title}
        </PageTitle>
      </div>
      {item.reopened ? <Alert type="warning" showIcon title={t('feedbackPortal.detail.reopened')} data-testid="public-feedback-reopened" /> : null}
      <Card size="small">
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            layout="vertical"
            colon={false}
            items={[
              { key: 'unit', label: t('feedbackPortal.detail.unit'), children: <span className="wrap-anywhere">{item.unit.name}</span> },
              { key: 'sender', label: t('feedbackPortal.detail.sender'), children: item.senderName },
              ...(item.procedure
                ? [
                    {
                      key: 'procedure',
                      label: t('feedbackPortal.item.procedure'),
                      children: <span className="wrap-anywhere">{`${item.procedure.name} (${item.procedure.code})`}</span>,
                    },
                  ]
                : []),
              ...(item.field ? [{ key: 'field', label: t('feedbackPortal.detail.field'), children: <span className="wrap-anywhere">{item.field}</span> }] : []),
              { key: 'received', label: t('feedbackPortal.detail.received'), children: vnDay(item.receivedAt) },
              { key: 'due', label: t('feedbackPortal.detail.due'), children: formatAppointment(t, item.dueAt) },
              { key: 'answered', label: t('feedbackPortal.detail.answeredAt'), children: vnDay(item.answeredAt) },
              ...(item.answeredOnTime === null
                ? []
                : [
                    {
                      key: 'onTime',
                      label: t('feedbackPortal.detail.onTime'),
                      children: (
                        <Tag color={item.answeredOnTime ? 'success' : 'error'} data-testid="public-feedback-on-time">
                          {item.answeredOnTime ? t('feedbackPortal.detail.onTimeYes') : t('feedbackPortal.detail.onTimeNo')}
                        </Tag>
                      ),
                    },
                  ]),
            ]}
          />
          <Flex vertical gap={4} align="flex-start">
            <Typography.Text type="secondary">{t('feedbackPortal.item.followers', { count: item.followers })}</Typography.Text>
            <FollowButton code={item.code} label={t('feedbackPortal.detail.follow')} />
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{t('feedbackPortal.detail.content')}</h2>}>
        <Typography.Paragraph style={textStyle} className="wrap-anywhere" data-testid="public-feedback-content">
          {item.content}
        </Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{t('feedbackPortal.detail.answer', { unit: item.unit.name })}</h2>}
        data-testid="public-feedback-answer"
      >
        <Typography.Paragraph style={textStyle} className="wrap-anywhere">
          {item.answer}
        </Typography.Paragraph>
      </Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('feedbackPortal.detail.masked')}
      </Typography.Paragraph>
    </Flex>
  );
}
