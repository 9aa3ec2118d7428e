import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CommentOutlined, EditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { ApiError } from '../../app/api';
import { LinkButton } from '../../ui/LinkButton';
import { formatDate } from '../../ui/dates';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { IncomingDetail } from '../../../contracts/documents/documents.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { CardHeading } from '../submissions/CardHeading';
import { DOCUMENT_PATHS, DOCUMENT_POLICY, useIncoming, useIncomingAction, type IncomingActionPath } from './documents.api';
import { DocumentDue } from './DocumentDue';
import { DocumentFiles } from './DocumentFiles';
import { DocumentHistory } from './DocumentHistory';
import { ConfidentialityTag, IncomingStateTag, UrgencyTag } from './DocumentTags';
import { AssignModal, CloseModal, NoteModal } from './IncomingActionModals';
import { isConflict, StaleNotice } from './StaleNotice';

type Dialog = 'assign' | 'note' | 'close' | null;

/** The buttons of exactly the actions the server allows (`allowedActions`; files are added in their own card). */
function IncomingActions({ doc, onOpen }: { doc: IncomingDetail; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const allowed = new Set(doc.allowedActions);
  // A reply is another document (an outgoing draft), offered to who drafts them while this one is open.
  const reply = doc.state !== 'DONE' && hasAction(me?.actions, DOCUMENT_POLICY.draft);
  if (!allowed.has('assign') && !allowed.has('note') && !allowed.has('close') && !reply) return null;
  return (
    <Flex gap={8} wrap data-testid="incoming-actions">
      {allowed.has('assign') ? (
        <Button type="primary" icon={<UserSwitchOutlined aria-hidden />} onClick={() => onOpen('assign')} data-testid="incoming-assign">
          {t('documents.incoming.detail.assign')}
        </Button>
      ) : null}
      {allowed.has('note') ? (
        <Button icon={<CommentOutlined aria-hidden />} onClick={() => onOpen('note')} data-testid="incoming-note">
          {t('documents.incoming.detail.note')}
        </Button>
      ) : null}
      {allowed.has('close') ? (
        <Button icon={<CheckCircleOutlined aria-hidden />} onClick={() => onOpen('close')} data-testid="incoming-close">
          {t('documents.incoming.detail.close')}
        </Button>
      ) : null}
      {reply ? (
        <LinkButton to={`${DOCUMENT_PATHS.outgoingNew}?replyTo=${encodeURIComponent(doc.id)}`} icon={<EditOutlined aria-hidden />} data-testid="incoming-reply">
          {t('documents.incoming.detail.reply')}
        </LinkButton>
      ) : null}
    </Flex>
  );
}

/** The document as registered: sender, number and symbol, type, subject, urgency and deadlines. */
function IncomingFacts({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      data-testid="incoming-facts"
      items={[
        { key: 'unit', label: t('documents.fields.unit'), children: doc.unit.name },
        { key: 'arrival', label: t('documents.fields.arrivalNumber'), children: <span data-testid="incoming-arrival-number">{doc.arrivalNumber}</span> },
        { key: 'receivedAt', label: t('documents.fields.arrivalDate'), children: formatInstant(doc.receivedAt) },
        { key: 'via', label: t('documents.fields.receivedVia'), children: t(`documents.receivedVia.${doc.receivedVia}`) },
        {
          key: 'sender',
          label: t('documents.fields.sender'),
          children: <span className="wrap-anywhere">{doc.senderCode ? `${doc.senderName} (${doc.senderCode})` : doc.senderName}</span>,
        },
        { key: 'numberSymbol', label: t('documents.fields.numberSymbol'), children: <span data-testid="incoming-number-symbol">{doc.numberSymbol}</span> },
        { key: 'issuedOn', label: t('documents.fields.issuedOn'), children: formatDate(doc.issuedOn) },
        { key: 'type', label: t('documents.fields.type'), children: doc.typeName },
        { key: 'urgency', label: t('documents.fields.urgency'), children: <UrgencyTag urgency={doc.urgency} /> },
        { key: 'confidentiality', label: t('documents.fields.confidentiality'), children: t(`documents.confidentiality.${doc.confidentiality}`) },
        ...(doc.pageCount ? [{ key: 'pages', label: t('documents.fields.pageCount'), children: doc.pageCount }] : []),
        ...(doc.state === 'REGISTERED' ? [{ key: 'present', label: t('documents.fields.presentDue'), children: formatInstant(doc.presentDueAt) }] : []),
        ...(doc.note ? [{ key: 'note', label: t('documents.fields.note'), span: 'filled' as const, children: <span className="wrap-anywhere">{doc.note}</span> }] : []),
      ]}
    />
  );
}

/** Who leads the handling, with whom, by when and on what instruction; then how it ended. */
function IncomingAssignment({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const a = doc.assignment;
  return (
    <Flex vertical gap={12} data-testid="incoming-assignment">
      {a ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            ...(a.leadUnit ? [{ key: 'leadUnit', label: t('documents.fields.leadUnit'), children: <span data-testid="incoming-lead">{a.leadUnit.name}</span> }] : []),
            ...(a.leadUser ? [{ key: 'leadUser', label: t('documents.fields.leadUser'), children: <span data-testid="incoming-lead">{a.leadUser.name}</span> }] : []),
            ...(a.partnerUnits.length > 0 ? [{ key: 'partners', label: t('documents.fields.partners'), children: a.partnerUnits.map((u) => u.name).join('; ') }] : []),
            { key: 'due', label: t('documents.fields.due'), children: <DocumentDue dueAt={a.dueAt} overdue={doc.overdue} testId="incoming-due" /> },
            ...(a.instruction ? [{ key: 'instruction', label: t('documents.fields.instruction'), children: <span className="wrap-anywhere">{a.instruction}</span> }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('documents.incoming.detail.notAssigned')}</Typography.Text>
      )}
      {a ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.assignedBy
            ? t('documents.incoming.detail.assignedBy', { by: a.assignedBy.name, at: formatInstant(a.assignedAt) })
            : t('documents.incoming.detail.assignedAt', { at: formatInstant(a.assignedAt) })}
        </Typography.Text>
      ) : null}
      {doc.state === 'DONE' ? (
        <div style={{ borderInlineStart: '3px solid #52c41a', paddingInlineStart: 12 }} data-testid="incoming-outcome">
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{doc.outcome ? t(`documents.closeOutcomes.${doc.outcome}`) : t('documents.incoming.detail.outcome')}</Typography.Text>
            {doc.handledOnTime === true ? <Tag color="green">{t('documents.onTime')}</Tag> : null}
            {doc.handledOnTime === false ? <Tag color="red">{t('documents.late')}</Tag> : null}
          </Flex>
          {doc.closeText ? <div className="wrap-anywhere">{doc.closeText}</div> : null}
          {doc.handledAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('documents.incoming.detail.handledOn', { at: formatInstant(doc.handledAt) })}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
    </Flex>
  );
}

/**
 * `/admin/documents/incoming/:id`: one incoming document — what it is, its files, where it came from when another unit
 * in motcua issued it, who handles it by when, and its history. Exactly the actions the server allows are offered
 * (assign, note, close); when someone acted first (409) the page offers to read it again.
 */
export function IncomingDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const location = useLocation();
  const { data: doc, isPending, error, refetch, isFetching } = useIncoming(id);
  const action = useIncomingAction(id ?? '');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [stale, setStale] = useState<string | null>(null);
  const notFound = error instanceof ApiError && [400, 403, 404].includes(error.status);
  const title = doc ? t('documents.incoming.detail.title', { number: doc.arrivalNumber }) : null;
  useDocumentTitle(isPending ? null : (title ?? (notFound ? t('documents.incoming.detail.notFound') : t('common.errors.loadFailed'))));
  const registered = (location.state as { registered?: number } | null)?.registered;

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !doc) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{notFound ? t('documents.incoming.detail.notFound') : t('common.errors.loadFailed')}</h1>}
        subTitle={error?.message}
        extra={<Link to={DOCUMENT_PATHS.incoming}>{t('documents.incoming.detail.back')}</Link>}
      />
    );
  }

  /** A conflict closes the dialog and offers a reload; any other failure stays on the form (FormModal). */
  const onError = (err: unknown) => {
    if (!isConflict(err)) return false;
    setStale((err as ApiError).message);
    setDialog(null);
    return true;
  };
  const run = (path: IncomingActionPath, body: object, done: string) =>
    action.mutateAsync({ path, body: { version: doc.version, ...body } }).then(() => {
      setStale(null);
      void message.success(done);
    });
  const reload = () => void refetch().then(() => setStale(null));

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={DOCUMENT_PATHS.incoming}>{t('documents.incoming.list.title')}</Link> }, { title: title! }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <PageTitle className="wrap-anywhere" data-testid="incoming-title">
            {title!}
          </PageTitle>
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <IncomingStateTag state={doc.state} testId="incoming-state" />
            {doc.urgency !== 'normal' ? <UrgencyTag urgency={doc.urgency} /> : null}
            <ConfidentialityTag level={doc.confidentiality} />
            {doc.overdue ? <DocumentDue dueAt={doc.dueAt} overdue /> : null}
          </Flex>
        </div>
        <IncomingActions doc={doc} onOpen={setDialog} />
      </Flex>
      {registered === doc.arrivalNumber ? (
        <Alert type="success" showIcon title={t('documents.incoming.new.savedTitle', { number: doc.arrivalNumber })} data-testid="incoming-registered" />
      ) : null}
      {stale !== null ? <StaleNotice message={stale} onReload={reload} reloading={isFetching} testId="incoming-stale" /> : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={<CardHeading>{t('documents.incoming.detail.facts')}</CardHeading>}>
              <Typography.Paragraph className="wrap-anywhere" strong style={{ fontSize: 16 }} data-testid="incoming-subject">
                <span className="visually-hidden">{t('documents.fields.subject')}: </span>
                {doc.subject}
              </Typography.Paragraph>
              <IncomingFacts doc={doc} />
            </Card>
            {doc.receipt ? (
              <Card size="small" title={<CardHeading>{t('documents.incoming.detail.receipt')}</CardHeading>} data-testid="incoming-receipt">
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {t('documents.incoming.detail.receiptText', { unit: doc.receipt.fromUnit.name, numberSymbol: doc.receipt.numberSymbol })}
                </Typography.Paragraph>
              </Card>
            ) : null}
            <Card size="small" title={<CardHeading>{t('documents.incoming.detail.assignment')}</CardHeading>}>
              <IncomingAssignment doc={doc} />
            </Card>
            <Card size="small" title={<CardHeading>{t('documents.files.title')}</CardHeading>}>
              <DocumentFiles kind="incoming" documentId={doc.id} files={doc.files} canUpload={doc.allowedActions.includes('upload')} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<CardHeading>{t('documents.history.title')}</CardHeading>}>
            <DocumentHistory events={doc.events} testId="incoming-history" />
          </Card>
        </Col>
      </Row>

      <AssignModal
        open={dialog === 'assign'}
        doc={doc}
        onClose={() => setDialog(null)}
        onSubmit={(body) => run('assign', body, t('documents.incoming.detail.assigned'))}
        onError={onError}
      />
      <NoteModal open={dialog === 'note'} onClose={() => setDialog(null)} onSubmit={(body) => run('notes', body, t('documents.incoming.detail.noted'))} onError={onError} />
      <CloseModal
        open={dialog === 'close'}
        doc={doc}
        onClose={() => setDialog(null)}
        onSubmit={(body) => run('close', body, t('documents.incoming.detail.closed'))}
        onError={onError}
      />
    </Flex>
  );
}
