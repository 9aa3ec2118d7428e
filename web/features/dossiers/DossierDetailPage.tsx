import { useEffect, useRef, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDuration, formatVnd } from '../catalog/format';
import { useDossier } from './dossiers.api';
import { formatAppointment, formatInstant } from './dossiers.format';
import { TRANSITIONS, type ChecklistItem, type DossierDetail, type TransitionName } from './dossiers.types';
import { ApologyModal } from './ApologyModal';
import { ProvisionalTag } from '../calendar/ProvisionalTag';
import { DeadlineBadge } from './DeadlineBadge';
import { DossierStatusTag } from './DossierStatusTag';
import { DossierTimeline } from './DossierTimeline';
import { HopsTable } from './HopsTable';
import { SlipLinks } from './SlipLinks';
import { ResultPanel } from './ResultPanel';
import { SupplementFiles } from './SupplementFiles';
import { TransitionModal } from './TransitionModal';
import { WorkflowSteps } from './WorkflowSteps';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** Transitions the server allows, in the page's order (forward-moving ones first, closing ones last). */
function orderedTransitions(d: DossierDetail): TransitionName[] {
  const allowed = new Set(d.allowedTransitions.map((a) => a.transition));
  return TRANSITIONS.filter((name) => allowed.has(name));
}

const PRIMARY: ReadonlySet<TransitionName> = new Set(['forward', 'approve', 'result-ready', 'return-result', 'transfer-back', 'receive-supplement', 'confirm-payment']);

/** One dossier: header, deadlines, workflow with the holder, the officer's permitted actions, timeline, hand-overs, slips. */
export function DossierDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { data: d, isPending, error, refetch, isFetching } = useDossier(id);
  // Timeline texts and labels come translated by the server: fetch them again when the language changes.
  const lang = useRef(i18n.language);
  useEffect(() => {
    if (lang.current === i18n.language) return;
    lang.current = i18n.language;
    void refetch();
  }, [i18n.language, refetch]);
  const [transition, setTransition] = useState<TransitionName | null>(null);
  const [apologyOpen, setApologyOpen] = useState(false);
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
  // The loaded page's title comes from its PageTitle; this one names the error page.
  useDocumentTitle(isPending || d ? null : notFound ? t('dossiers.detail.notFound') : t('common.errors.loadFailed'));

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !d) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1>{notFound ? t('dossiers.detail.notFound') : t('common.errors.loadFailed')}</h1>}
        subTitle={error?.message}
        extra={<Link to="/admin/dossiers">{t('dossiers.detail.backToQueue')}</Link>}
      />
    );
  }

  const actions = orderedTransitions(d);
  // As Mẫu 01's columns: originals, certified copies, copies; only the kinds handed in.
  const paperCounts = (c: ChecklistItem) =>
    c.presented
      ? t('dossiers.detail.countParts.presented')
      : (['originals', 'certifiedCopies', 'copies'] as const)
          .filter((k) => (c[k] ?? 0) > 0)
          .map((k) => t(`dossiers.detail.countParts.${k}`, { count: c[k] ?? 0 }))
          .join(', ');
  const role = (r: string) => t(`identity.roles.${r}`, { defaultValue: r });
  const reload = () => refetch();

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/admin/dossiers">{t('dossiers.queue.title')}</Link> }, { title: d.code }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 480px' }}>
          <PageTitle copyable={{ text: d.code }} documentTitle={t('dossiers.detail.documentTitle', { code: d.code })} data-testid="detail-code">
            {d.code}
          </PageTitle>
          <Typography.Text className="wrap-anywhere" data-testid="detail-procedure">
            {d.procedure.name}
          </Typography.Text>
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <DossierStatusTag statusCode={d.statusCode} state={d.state} />
            {/* The internal state says more than the national name while handling (e.g. awaiting approval). */}
            {t(`dossiers.state.${d.state}`) !== t(`dossiers.status.${d.statusCode}`) ? (
              <Typography.Text type="secondary" data-testid="detail-state">
                {t(`dossiers.state.${d.state}`)}
              </Typography.Text>
            ) : null}
            <DeadlineBadge badge={d.badge} remainingWorkingMinutes={d.remainingWorkingMinutes} />
            {d.atRisk && d.badge !== 'at-risk' ? (
              <Tag color="orange" icon={<WarningOutlined />} data-testid="at-risk-flag">
                {t('dossiers.detail.atRisk')}
              </Tag>
            ) : null}
          </Flex>
        </div>
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void reload()}>
          {t('dossiers.actions.reload')}
        </Button>
      </Flex>

      {d.atRisk ? (
        <Alert
          type="warning"
          showIcon
          title={t('dossiers.detail.atRiskTitle')}
          description={d.actions.apology ? t('dossiers.detail.atRiskApology') : t('dossiers.detail.atRiskText')}
          data-testid="at-risk-alert"
        />
      ) : null}
      {d.apology ? (
        <Alert
          type="info"
          showIcon
          title={t('dossiers.apology.issued', { number: d.apology.referenceNumber, date: formatInstant(d.apology.issuedAt) })}
          description={t('dossiers.apology.issuedText', {
            from: formatAppointment(t, d.apology.originalDueAt),
            to: formatAppointment(t, d.apology.newDueAt),
            reason: d.apology.reason,
          })}
          data-testid="apology-issued"
        />
      ) : null}
      {d.stopNotice ? <Alert type="error" showIcon title={t('dossiers.detail.stopped', { date: formatInstant(d.stopNotice.at) })} description={d.stopNotice.reason} /> : null}

      <Card size="small" title={t('dossiers.detail.actions')} data-testid="actions">
        {actions.length === 0 && !d.actions.apology ? (
          <Typography.Text type="secondary">{t('dossiers.detail.noActions')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {actions.map((name) => (
              <Button
                key={name}
                type={PRIMARY.has(name) ? 'primary' : 'default'}
                danger={name === 'stop' || name === 'withdraw'}
                onClick={() => setTransition(name)}
                data-testid={`action-${name}`}
              >
                {t(`dossiers.transition.${name}`)}
              </Button>
            ))}
            {d.actions.apology ? (
              <Button onClick={() => setApologyOpen(true)} data-testid="action-apology">
                {t('dossiers.apology.open')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('dossiers.detail.general')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, xl: 1, xxl: 2 }}
                data-testid="summary"
                items={[
                  {
                    key: 'procedure',
                    label: t('dossiers.fields.procedure'),
                    span: { xs: 1, sm: 2, xl: 1, xxl: 2 },
                    children: <span className="wrap-anywhere">{`${d.procedure.code} — ${d.procedure.name}`}</span>,
                  },
                  { key: 'applicant', label: t('dossiers.fields.applicant'), children: `${d.applicant.name} (${t(`dossiers.applicantKinds.${d.applicant.kind}`)})` },
                  { key: 'id', label: d.applicant.kind === 'person' ? t('dossiers.intake.personId') : t('dossiers.intake.taxCode'), children: d.applicant.idNumber },
                  { key: 'phone', label: t('dossiers.intake.phone'), children: d.applicant.phone ?? '—' },
                  { key: 'email', label: t('dossiers.intake.email'), children: d.applicant.email ?? '—' },
                  { key: 'address', label: t('dossiers.intake.address'), span: { xs: 1, sm: 2, xl: 1, xxl: 2 }, children: d.applicant.address ?? '—' },
                  { key: 'receiving', label: t('dossiers.fields.receivingUnit'), children: <span data-testid="receiving-unit">{d.receivingUnit.name}</span> },
                  { key: 'handling', label: t('dossiers.fields.handlingUnit'), children: <span data-testid="handling-unit">{d.handlingUnit.name}</span> },
                  {
                    key: 'holder',
                    label: t('dossiers.fields.holder'),
                    span: { xs: 1, sm: 2, xl: 1, xxl: 2 },
                    children: <span data-testid="holder">{`${d.holder.unit.name} — ${role(d.holder.role)}`}</span>,
                  },
                  { key: 'channel', label: t('dossiers.intake.channel'), children: t(`catalog.channels.${d.channel}`) },
                  { key: 'delivery', label: t('dossiers.intake.resultDelivery'), children: t(`dossiers.delivery.${d.resultDelivery}`) },
                  { key: 'fee', label: t('dossiers.fields.fee'), children: formatVnd(t, d.feeVnd) },
                  ...(d.feeVnd > 0
                    ? [
                        {
                          key: 'feePaymentMethod',
                          label: t('dossiers.fields.feePaymentMethod'),
                          // Dossiers received before the method was recorded have none.
                          children: (
                            <span data-testid="fee-payment-method">
                              {d.feePaymentMethod ? t(`dossiers.feePaymentMethods.${d.feePaymentMethod}`) : t('dossiers.detail.notRecorded')}
                            </span>
                          ),
                        },
                      ]
                    : []),
                  {
                    key: 'duration',
                    label: t('dossiers.fields.duration'),
                    children: `${formatDuration(t, d.duration.amount, d.duration.unit) ?? ''} (${t(`dossiers.durationSource.${d.duration.source}`)})`,
                  },
                  {
                    key: 'book',
                    label: t('dossiers.fields.book'),
                    span: { xs: 1, sm: 2, xl: 1, xxl: 2 },
                    children: t('dossiers.fields.bookValue', { number: d.book.number, seq: d.book.seq }),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('dossiers.detail.deadlines')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, xl: 1, xxl: 2 }}
                data-testid="deadlines"
                items={[
                  { key: 'received', label: t('dossiers.fields.receivedAt'), children: formatAppointment(t, d.receivedAt) },
                  {
                    key: 'due',
                    label: t('dossiers.fields.appointment'),
                    children: (
                      <span>
                        <span data-testid="due-at">{formatAppointment(t, d.dueAt)}</span>
                        {d.dueProvisional ? <ProvisionalTag due={d.effectiveDueAt} /> : null}
                      </span>
                    ),
                  },
                  ...(d.extendedDueAt
                    ? [{ key: 'extended', label: t('dossiers.fields.extendedDueAt'), children: <span data-testid="extended-due-at">{formatAppointment(t, d.extendedDueAt)}</span> }]
                    : []),
                  { key: 'remaining', label: t('dossiers.fields.deadline'), children: <DeadlineBadge badge={d.badge} remainingWorkingMinutes={d.remainingWorkingMinutes} /> },
                  ...(d.finishedAt ? [{ key: 'finished', label: t('dossiers.fields.finishedAt'), children: formatAppointment(t, d.finishedAt) }] : []),
                  ...(d.classification
                    ? [
                        {
                          key: 'class',
                          label: t('dossiers.fields.classification'),
                          children: `${t(`dossiers.classification.${d.classification}`)}${d.withinExtension ? ` — ${t('dossiers.detail.withinExtension')}` : ''}${d.lateUnit ? ` (${d.lateUnit.name})` : ''}`,
                        },
                      ]
                    : []),
                  ...(d.returnedAt
                    ? [
                        {
                          key: 'returned',
                          label: t('dossiers.fields.returnedAt'),
                          children: `${formatAppointment(t, d.returnedAt)}${d.returnMethod ? ` — ${t(`dossiers.delivery.${d.returnMethod}`, { defaultValue: d.returnMethod })}` : ''}${d.returnedTo ? ` — ${t('dossiers.detail.returnedTo', { name: d.returnedTo })}` : ''}`,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={t('dossiers.detail.timeline')}>
              <DossierTimeline entries={d.timeline} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('dossiers.detail.workflow')}>
              <WorkflowSteps dossier={d} />
            </Card>
            <Card size="small" title={t('dossiers.detail.slips')}>
              <SlipLinks dossier={d} />
            </Card>
            <Card size="small" title={t('dossiers.results.title')}>
              <ResultPanel dossier={d} />
            </Card>
            <Card size="small" title={t('dossiers.detail.checklist')}>
              {d.checklist.length === 0 ? (
                <Typography.Text type="secondary">{t('dossiers.detail.noChecklist')}</Typography.Text>
              ) : (
                <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                  {d.checklist.map((c, i) => (
                    <li key={i} className="wrap-anywhere">
                      {c.name} {paperCounts(c) ? <Typography.Text type="secondary">({paperCounts(c)})</Typography.Text> : null}
                    </li>
                  ))}
                </ol>
              )}
            </Card>
            {d.supplementRequests.length > 0 || d.pauses.length > 0 ? (
              <Card size="small" title={t('dossiers.detail.pauses')}>
                <Flex vertical gap={8}>
                  {d.pauses.map((p) => (
                    <div key={p.id} className="wrap-anywhere">
                      <Tag color={p.to ? 'default' : 'blue'}>{t(`dossiers.pauseReasons.${p.reason}`)}</Tag>
                      {formatInstant(p.from)} → {p.to ? formatInstant(p.to) : t('dossiers.detail.ongoing')}
                      {p.note ? (
                        <div>
                          <Typography.Text type="secondary">{p.note}</Typography.Text>
                        </div>
                      ) : null}
                    </div>
                  ))}
                  {d.supplementRequests.map((s, i) => (
                    <div key={i} className="wrap-anywhere">
                      <Typography.Text strong>{t('dossiers.detail.supplementRequested', { date: formatInstant(s.requestedAt) })}</Typography.Text>
                      {s.reference ? <Typography.Text type="secondary"> {t('dossiers.slips.number', { number: s.reference })}</Typography.Text> : null}
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {s.items.map((item, j) => (
                          <li key={j}>{item}</li>
                        ))}
                      </ul>
                      <SupplementFiles dossierId={d.id} items={s.items} files={s.files} />
                    </div>
                  ))}
                </Flex>
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
      <Card size="small" title={t('dossiers.detail.hops')}>
        <HopsTable hops={d.hops} />
      </Card>
      <TransitionModal dossier={d} transition={transition} onClose={() => setTransition(null)} onReload={reload} />
      <ApologyModal dossier={d} open={apologyOpen} onClose={() => setApologyOpen(false)} onReload={reload} />
    </Flex>
  );
}
