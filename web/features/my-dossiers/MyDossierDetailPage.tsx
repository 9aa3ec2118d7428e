import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageHeader } from '../../ui/PageHeader';
import { formatAppointment, formatInstant, statusColor } from '../dossiers/dossiers.format';
import { DossierPaymentCard } from '../payments/DossierPaymentCard';
import { DossierResultSlot } from './DossierResultSlot';
import { SupplementForm } from './SupplementForm';
import { mySlipUrl, useMyDossier, type CitizenDossierDetail } from './my-dossiers.api';
import { useCitizenGate } from './useCitizenGate';

function Overview({ d }: { d: CitizenDossierDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <div>
          <Tag color={statusColor(d.statusCode)} style={{ fontSize: 15, padding: '4px 10px', whiteSpace: 'normal' }} data-testid="my-dossier-status">
            {d.statusText}
          </Tag>
        </div>
        <Typography.Text className="wrap-anywhere">
          <strong>{t('citizen.dossiers.next')}:</strong> {d.next}
        </Typography.Text>
        <Typography.Text className="wrap-anywhere">
          <strong>{t('citizen.dossiers.by')}:</strong> {d.by}
        </Typography.Text>
        {d.pause ? <Alert type="info" showIcon title={d.pause.explanation} data-testid="my-dossier-pause" /> : null}
      </Flex>
    </Card>
  );
}

/** /ho-so-cua-toi/:id: one dossier as its applicant sees it, with the supplement form while one is asked for. */
export function MyDossierDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { gate, ready } = useCitizenGate();
  const query = useMyDossier(id, ready);
  if (gate) return gate;
  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{notFound ? t('citizen.dossiers.notFound') : query.error.message}</h1>}
        extra={<Link to="/ho-so-cua-toi">{t('citizen.dossiers.back')}</Link>}
      />
    );
  }
  const d = query.data;
  const messages = [...d.messages].reverse();
  return (
    <Flex vertical gap={12}>
      <Link to="/ho-so-cua-toi">
        <ArrowLeftOutlined /> {t('citizen.dossiers.back')}
      </Link>
      <PageHeader
        title={<span className="wrap-anywhere">{t('citizen.dossier.title', { code: d.code })}</span>}
        documentTitle={t('citizen.dossier.title', { code: d.code })}
        subtitle={d.procedureName}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Overview d={d} />
            {d.supplement ? <SupplementForm dossier={d} /> : null}
            <DossierPaymentCard dossierId={d.id} />
            <DossierResultSlot dossier={d} />
            <Card size="small" title={t('citizen.dossier.messages')}>
              {messages.length === 0 ? (
                <Typography.Text type="secondary">{t('citizen.dossier.noMessages')}</Typography.Text>
              ) : (
                <Timeline
                  data-testid="my-dossier-messages"
                  items={messages.map((m, i) => ({
                    key: i,
                    content: (
                      <Flex vertical gap={2}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatInstant(m.at)}
                        </Typography.Text>
                        <span className="wrap-anywhere">{m.text}</span>
                        {m.note ? (
                          <Typography.Text className="wrap-anywhere" style={{ whiteSpace: 'pre-line' }}>
                            <strong>{t('citizen.dossier.reason')}:</strong> {m.note}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    ),
                  }))}
                />
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('citizen.dossier.details')}>
              <Descriptions
                size="small"
                column={1}
                layout="vertical"
                items={[
                  { key: 'applicant', label: t('citizen.dossier.applicant'), children: <span className="wrap-anywhere">{d.applicantName}</span> },
                  { key: 'holder', label: t('citizen.dossiers.holder'), children: <span className="wrap-anywhere">{d.holder.name}</span> },
                  { key: 'handling', label: t('citizen.dossier.handlingUnit'), children: <span className="wrap-anywhere">{d.handlingUnit.name}</span> },
                  { key: 'receiving', label: t('citizen.dossier.receivingUnit'), children: <span className="wrap-anywhere">{d.receivingUnit.name}</span> },
                  { key: 'received', label: t('citizen.dossier.receivedAt'), children: formatInstant(d.receivedAt) },
                  { key: 'due', label: t('citizen.dossier.dueAt'), children: formatAppointment(t, d.effectiveDueAt) },
                  ...(d.extendedDueAt ? [{ key: 'original', label: t('citizen.dossier.originalDue'), children: formatAppointment(t, d.dueAt) }] : []),
                  ...(d.finishedAt ? [{ key: 'finished', label: t('citizen.dossier.finishedAt'), children: formatInstant(d.finishedAt) }] : []),
                  ...(d.returnedAt ? [{ key: 'returned', label: t('citizen.dossier.returnedAt'), children: formatInstant(d.returnedAt) }] : []),
                  { key: 'channel', label: t('citizen.dossier.channel'), children: t(`citizen.dossiers.source.${d.source}`) },
                ]}
              />
              {d.dueProvisional ? <Typography.Text type="secondary">{t('citizen.dossier.provisional')}</Typography.Text> : null}
            </Card>
            <Card size="small" title={t('citizen.dossier.slips')}>
              <Flex vertical gap={6} align="flex-start" data-testid="my-dossier-slips">
                {d.slips.map(({ slip, reference }) => (
                  <div key={slip}>
                    <Button
                      type="link"
                      icon={<FilePdfOutlined />}
                      href={mySlipUrl(d.id, slip)}
                      target="_blank"
                      rel="noopener"
                      style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                    >
                      {t(`dossiers.slips.${slip}`)}
                    </Button>
                    {reference ? (
                      <Typography.Text type="secondary" style={{ display: 'block', paddingInlineStart: 22, fontSize: 12 }}>
                        {t('dossiers.slips.number', { number: reference })}
                      </Typography.Text>
                    ) : null}
                  </div>
                ))}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
