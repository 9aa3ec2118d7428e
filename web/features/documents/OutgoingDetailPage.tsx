import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, FileDoneOutlined, RollbackOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { formatDate } from '../../ui/dates';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { OutgoingDetail, ReceiptState } from '../../../contracts/documents/documents.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { CardHeading } from '../submissions/CardHeading';
import { useMe } from '../identity/identity.api';
import { DOCUMENT_PATHS, useOutgoing, useOutgoingAction, type OutgoingActionPath } from './documents.api';
import { DocumentFiles } from './DocumentFiles';
import { DocumentHistory } from './DocumentHistory';
import { ConfidentialityTag, OutgoingStateTag, UrgencyTag } from './DocumentTags';
import { ReturnModal, SignModal } from './OutgoingActionModals';
import { OutgoingDraftForm } from './OutgoingDraftForm';
import { isConflict, StaleNotice } from './StaleNotice';

type Dialog = 'return' | 'sign' | null;

const RECEIPT_COLOR: Record<ReceiptState, string> = { received: 'gold', assigned: 'blue', done: 'green' };

/** The page's title: the number once issued, else the type awaiting its number. */
function titleOf(doc: OutgoingDetail, t: (k: string, o?: Record<string, unknown>) => string): string {
  return doc.numberSymbol ? t('documents.outgoing.detail.issuedTitle', { numberSymbol: doc.numberSymbol }) : t('documents.outgoing.detail.unnumberedTitle', { type: doc.typeName });
}

/** The buttons of exactly the actions the server allows (`allowedActions`; files are added in their own card). */
function OutgoingActions({
  doc,
  onEdit,
  onOpen,
  onRun,
  running,
}: {
  doc: OutgoingDetail;
  onEdit: () => void;
  onOpen: (d: Dialog) => void;
  onRun: (path: OutgoingActionPath) => void;
  running: boolean;
}) {
  const { t } = useTranslation();
  const allowed = new Set(doc.allowedActions);
  if (!['edit', 'submit', 'return', 'sign', 'issue'].some((a) => allowed.has(a as OutgoingDetail['allowedActions'][number]))) return null;
  return (
    <Flex gap={8} wrap data-testid="outgoing-actions">
      {allowed.has('edit') ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={onEdit} data-testid="outgoing-edit">
          {t('documents.outgoing.detail.edit')}
        </Button>
      ) : null}
      {allowed.has('submit') ? (
        <Popconfirm
          title={t('documents.outgoing.detail.submitConfirm')}
          okText={t('common.actions.confirm')}
          cancelText={t('common.actions.cancel')}
          onConfirm={() => onRun('submit')}
        >
          <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={running} data-testid="outgoing-submit">
            {t('documents.outgoing.detail.submit')}
          </Button>
        </Popconfirm>
      ) : null}
      {allowed.has('sign') ? (
        <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => onOpen('sign')} data-testid="outgoing-sign">
          {t('documents.outgoing.detail.sign')}
        </Button>
      ) : null}
      {allowed.has('return') ? (
        <Button icon={<RollbackOutlined aria-hidden />} onClick={() => onOpen('return')} data-testid="outgoing-return">
          {t('documents.outgoing.detail.return')}
        </Button>
      ) : null}
      {allowed.has('issue') ? (
        <Popconfirm
          title={t('documents.outgoing.detail.issueConfirm')}
          description={t('documents.outgoing.detail.issueDescription')}
          okText={t('common.actions.confirm')}
          cancelText={t('common.actions.cancel')}
          onConfirm={() => onRun('issue')}
        >
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={running} data-testid="outgoing-issue">
            {t('documents.outgoing.detail.issue')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

/** The document's facts: body, drafting unit, type, urgency, confidentiality, signer, and what it answers. */
function OutgoingFacts({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const signer = doc.signerName ? `${doc.signingPrefix ? `${doc.signingPrefix} ` : ''}${doc.signerPosition ?? ''} — ${doc.signerName}` : null;
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      data-testid="outgoing-facts"
      items={[
        { key: 'issuer', label: t('documents.fields.issuer'), children: doc.unit.name },
        { key: 'drafting', label: t('documents.fields.draftingUnit'), children: doc.draftingUnit.name },
        { key: 'type', label: t('documents.fields.type'), children: doc.typeName },
        { key: 'urgency', label: t('documents.fields.urgency'), children: <UrgencyTag urgency={doc.urgency} /> },
        { key: 'confidentiality', label: t('documents.fields.confidentiality'), children: t(`documents.confidentiality.${doc.confidentiality}`) },
        ...(doc.createdBy ? [{ key: 'createdBy', label: t('documents.fields.createdBy'), children: `${doc.createdBy.name}, ${formatInstant(doc.createdAt)}` }] : []),
        ...(signer ? [{ key: 'signer', label: t('documents.fields.signer'), children: <span data-testid="outgoing-signer">{signer}</span> }] : []),
        ...(doc.replyToIncomingId
          ? [
              {
                key: 'reply',
                label: t('documents.outgoing.detail.replyTo'),
                children: (
                  <Link to={DOCUMENT_PATHS.incomingOne(doc.replyToIncomingId)} style={{ textDecoration: 'underline' }} data-testid="outgoing-reply-to">
                    {t('documents.outgoing.detail.openIncoming')}
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Where the document goes: units inside motcua (with their receipts once issued) and external bodies (national exchange). */
function OutgoingRecipients({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const issued = doc.state === 'ISSUED';
  return (
    <Flex vertical gap={12}>
      {issued ? (
        doc.receipts.length === 0 ? (
          <Typography.Text type="secondary" data-testid="outgoing-receipts">
            {t('documents.outgoing.detail.noReceipts')}
          </Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid="outgoing-receipts">
            {doc.receipts.map((r) => (
              <li key={r.unitId} style={{ marginBottom: 8 }}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong className="wrap-anywhere">
                    {r.unitName}
                  </Typography.Text>
                  <Tag color={RECEIPT_COLOR[r.state]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid={`receipt-state-${r.unitId}`} data-state={r.state}>
                    {t(`documents.receiptStates.${r.state}`)}
                  </Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    t('documents.outgoing.detail.receivedAt', { at: formatInstant(r.receivedAt) }),
                    r.assignedAt ? t('documents.outgoing.detail.assignedAt', { at: formatInstant(r.assignedAt) }) : null,
                    r.doneAt ? t('documents.outgoing.detail.doneAt', { at: formatInstant(r.doneAt) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )
      ) : doc.recipients.units.length > 0 ? (
        <div>
          <Typography.Text strong>{t('documents.fields.recipientUnits')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="outgoing-recipient-units">
            {doc.recipients.units.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Typography.Text type="secondary">{t('documents.outgoing.detail.noReceipts')}</Typography.Text>
      )}
      <div data-testid="outgoing-external">
        <Typography.Text strong>{t('documents.fields.externalRecipients')}</Typography.Text>
        {doc.recipients.external.length === 0 ? (
          <div>
            <Typography.Text type="secondary">{t('documents.outgoing.detail.noExternal')}</Typography.Text>
          </div>
        ) : (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
            {doc.recipients.external.map((e, i) => (
              <li key={`${e.name}-${i}`} className="wrap-anywhere">
                {e.code ? `${e.name} (${e.code})` : e.name}
              </li>
            ))}
          </ul>
        )}
        {doc.exchangeId ? (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('documents.fields.exchangeId')}: </Typography.Text>
            <Typography.Text code copyable className="wrap-anywhere" data-testid="outgoing-exchange-id">
              {doc.exchangeId}
            </Typography.Text>
          </div>
        ) : null}
      </div>
    </Flex>
  );
}

/**
 * `/admin/documents/outgoing/:id`: one outgoing document through its life (DRAFT → IN_REVIEW → SIGNED → ISSUED):
 * the draft is edited and submitted, the leader returns or signs it, the clerk numbers and issues it. Once issued it
 * shows "Số: 05/QĐ-STP", the date, each recipient unit's receipt and the national-exchange identifier. Exactly the
 * actions the server allows are offered; when someone acted first (409) the page offers to read it again.
 */
export function OutgoingDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data: me } = useMe();
  const { data: doc, isPending, error, refetch, isFetching } = useOutgoing(id);
  const action = useOutgoingAction(id ?? '');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const notFound = error instanceof ApiError && [400, 403, 404].includes(error.status);
  const title = doc ? titleOf(doc, t) : null;
  useDocumentTitle(isPending ? null : (title ?? (notFound ? t('documents.outgoing.detail.notFound') : t('common.errors.loadFailed'))));

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !doc) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{notFound ? t('documents.outgoing.detail.notFound') : t('common.errors.loadFailed')}</h1>}
        subTitle={error?.message}
        extra={<Link to={DOCUMENT_PATHS.outgoing}>{t('documents.outgoing.detail.back')}</Link>}
      />
    );
  }

  const conflict = (err: unknown) => {
    setStale((err as ApiError).message);
    setDialog(null);
    setEditing(false);
  };
  /** A conflict closes the dialog and offers a reload; any other failure stays on the form (FormModal). */
  const onError = (err: unknown) => {
    if (!isConflict(err)) return false;
    conflict(err);
    return true;
  };
  const done: Record<OutgoingActionPath, (d: OutgoingDetail) => string> = {
    submit: () => t('documents.outgoing.detail.submitted'),
    return: () => t('documents.outgoing.detail.returned'),
    sign: () => t('documents.outgoing.detail.signed'),
    issue: (d) => t('documents.outgoing.detail.issued', { numberSymbol: d.numberSymbol ?? '' }),
  };
  const run = (path: OutgoingActionPath, body: object = {}) =>
    action.mutateAsync({ path, body: { version: doc.version, ...body } }).then((d) => {
      setStale(null);
      void message.success(done[path](d));
    });
  const runNow = (path: OutgoingActionPath) =>
    void run(path).catch((err: unknown) => {
      if (isConflict(err)) conflict(err);
      else showError(err);
    });
  const reload = () => void refetch().then(() => setStale(null));

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={DOCUMENT_PATHS.outgoing}>{t('documents.outgoing.list.title')}</Link> }, { title: title! }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <PageTitle className="wrap-anywhere" data-testid="outgoing-title">
            {title!}
          </PageTitle>
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <OutgoingStateTag state={doc.state} testId="outgoing-state" />
            {doc.urgency !== 'normal' ? <UrgencyTag urgency={doc.urgency} /> : null}
            <ConfidentialityTag level={doc.confidentiality} />
          </Flex>
        </div>
        {editing ? null : <OutgoingActions doc={doc} onEdit={() => setEditing(true)} onOpen={setDialog} onRun={runNow} running={action.isPending} />}
      </Flex>
      {stale !== null ? <StaleNotice message={stale} onReload={reload} reloading={isFetching} testId="outgoing-stale" /> : null}
      {doc.state === 'DRAFT' && doc.returnNote ? (
        <Alert type="warning" showIcon title={t('documents.outgoing.detail.returnedNote', { note: doc.returnNote })} data-testid="outgoing-return-note" />
      ) : null}

      {editing ? (
        <OutgoingDraftForm doc={doc} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} onConflict={conflict} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap={16}>
              <Card size="small" title={<CardHeading>{t('documents.outgoing.detail.facts')}</CardHeading>}>
                {doc.numberSymbol ? (
                  <Flex vertical gap={2} style={{ marginBottom: 12 }} data-testid="outgoing-issued">
                    <Typography.Text strong style={{ fontSize: 18 }} data-testid="outgoing-number">
                      {t('documents.outgoing.detail.numberLine', { numberSymbol: doc.numberSymbol })}
                    </Typography.Text>
                    {doc.issuedOn ? (
                      <Typography.Text data-testid="outgoing-issued-on">{t('documents.outgoing.detail.issuedLine', { date: formatDate(doc.issuedOn) })}</Typography.Text>
                    ) : null}
                  </Flex>
                ) : null}
                <Typography.Paragraph className="wrap-anywhere" strong style={{ fontSize: 16 }} data-testid="outgoing-subject">
                  <span className="visually-hidden">{t('documents.fields.subject')}: </span>
                  {doc.subject}
                </Typography.Paragraph>
                <OutgoingFacts doc={doc} />
                {doc.content ? (
                  <div style={{ marginTop: 12, whiteSpace: 'pre-wrap' }} className="wrap-anywhere" data-testid="outgoing-content">
                    {doc.content}
                  </div>
                ) : null}
              </Card>
              <Card size="small" title={<CardHeading>{t('documents.fields.recipients')}</CardHeading>}>
                <OutgoingRecipients doc={doc} />
              </Card>
              <Card size="small" title={<CardHeading>{t('documents.files.title')}</CardHeading>}>
                <DocumentFiles kind="outgoing" documentId={doc.id} files={doc.files} canUpload={doc.allowedActions.includes('upload')} />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Card size="small" title={<CardHeading>{t('documents.history.title')}</CardHeading>}>
              <DocumentHistory events={doc.events} testId="outgoing-history" />
            </Card>
          </Col>
        </Row>
      )}

      <ReturnModal open={dialog === 'return'} onClose={() => setDialog(null)} onSubmit={(body) => run('return', body)} onError={onError} />
      <SignModal open={dialog === 'sign'} onClose={() => setDialog(null)} onSubmit={(body) => run('sign', body)} onError={onError} signerName={me?.displayName} />
    </Flex>
  );
}
