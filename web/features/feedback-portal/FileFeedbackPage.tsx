import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Select, Skeleton, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { PageTitle } from '../../ui/PageTitle';
import { looselyIncludes } from '../../ui/text';
import { FEEDBACK_LIMITS as L } from '../../../contracts/feedback/feedback.values';
import type { FeedbackReceipt, SubmitFeedbackRequest } from '../../../contracts/feedback/feedback.contracts';
import { useFields } from '../catalog/catalog.api';
import { useMe } from '../identity/identity.api';
import { FEEDBACK_PATHS, SIMILAR_MAX, SIMILAR_MIN, useSimilarFeedback, useSubmitFeedback } from './feedback-portal.api';
import { FeedbackReceiptView } from './FeedbackReceiptView';
import { ProcedureSelect } from './ProcedureSelect';
import { SimilarFeedback } from './SimilarFeedback';
import { INLINE_LINK } from './feedback-format';

/** The form's values; names follow the API's paths (`body.sender.email` → ['sender', 'email']) so its 400s land on fields. */
export interface FileFeedbackValues {
  title?: string;
  content?: string;
  procedureCode?: string;
  /** The field (lĩnh vực), asked only when no procedure is chosen. */
  field?: string;
  dossierCode?: string;
  sender?: { name?: string; email?: string; phone?: string; address?: string };
  /** Ticked: the sender does not agree to publication (the request's `publish: false`). */
  keepPrivate?: boolean;
}

/** The server's phone pattern (FeedbackSenderInputSchema), checked here first so the citizen hears it at once. */
const PHONE = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;
/** How long typing pauses before similar items are looked for. */
const SIMILAR_DELAY_MS = 400;

const filled = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The request from the form: empty optional fields are left out (the API refuses empty strings). */
export function toSubmitRequest(v: FileFeedbackValues): SubmitFeedbackRequest {
  const sender = { name: filled(v.sender?.name), email: filled(v.sender?.email), phone: filled(v.sender?.phone), address: filled(v.sender?.address) };
  const given = Object.fromEntries(Object.entries(sender).filter(([, value]) => value !== undefined));
  return {
    title: (v.title ?? '').trim(),
    content: (v.content ?? '').trim(),
    procedureCode: filled(v.procedureCode),
    // A named procedure routes the item by itself (and gives its field); the field alone is sent only without one.
    field: filled(v.procedureCode) ? undefined : filled(v.field),
    dossierCode: filled(v.dossierCode),
    publish: !v.keepPrivate,
    sender: Object.keys(given).length > 0 ? given : undefined,
  };
}

/** `value` once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * `/phan-anh-kien-nghi/gui`: file feedback on an administrative regulation or procedure (issue 14 item 1) — signed in
 * under the account, or anonymously with a name and a way to be reached. While the citizen types, answered items like
 * theirs are suggested, to read or follow instead. The receipt gives the code, the unit, the due and, without an
 * account, the secret key once.
 */
export function FileFeedbackPage() {
  const { t } = useTranslation();
  const { data: me, isPending: meLoading } = useMe();
  const [form] = Form.useForm<FileFeedbackValues>();
  const submit = useSubmitFeedback();
  const showError = useApiError();
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const account = me?.kind === 'citizen' ? me : null;

  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const typed = `${title} ${content}`.trim().slice(0, SIMILAR_MAX);
  const q = useSettled(typed, SIMILAR_DELAY_MS);
  const similar = useSimilarFeedback(q);
  const suggestions = q.length >= SIMILAR_MIN ? (similar.data?.items ?? []) : [];
  const procedureCode = Form.useWatch('procedureCode', form);
  const { data: fields } = useFields();

  const heading = <PageTitle style={{ marginBottom: 8 }}>{t('feedbackPortal.file.title')}</PageTitle>;
  if (meLoading) {
    return (
      <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
        {heading}
        <Skeleton active paragraph={{ rows: 8 }} />
      </Flex>
    );
  }

  const onFinish = (values: FileFeedbackValues) =>
    submit.mutate(toSubmitRequest(values), {
      onSuccess: setReceipt,
      // The form keeps what was typed; the server's field messages (already translated) go under their fields.
      onError: (err) => showError(err, form),
    });

  const contactRule = {
    validator: async (_: unknown, email: string | undefined) => {
      if (account || filled(email) || filled(form.getFieldValue(['sender', 'phone']) as string | undefined)) return;
      throw new Error(t('feedbackPortal.file.contactRequired'));
    },
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <div>
        {heading}
        <Typography.Paragraph style={{ margin: 0 }}>{t('feedbackPortal.file.intro')}</Typography.Paragraph>
      </div>
      {receipt ? (
        <FeedbackReceiptView
          receipt={receipt}
          onAnother={() => {
            form.resetFields();
            setReceipt(null);
          }}
        />
      ) : (
        <>
          <Alert type="info" showIcon title={t('feedbackPortal.file.scopeTitle')} description={t('feedbackPortal.file.scope')} />
          {/* A portal account files under itself; anyone else (an officer too) gives a name and a contact, and only a visitor is offered to sign in. */}
          {account ? (
            <Alert type="success" showIcon title={t('feedbackPortal.file.signedIn', { name: account.displayName })} data-testid="feedback-signed-in" />
          ) : me ? null : (
            <Typography.Text data-testid="feedback-anonymous">
              {t('feedbackPortal.file.anonymous')}{' '}
              <Link to={`/dang-nhap?next=${encodeURIComponent(FEEDBACK_PATHS.file)}`} style={INLINE_LINK}>
                {t('feedbackPortal.file.signIn')}
              </Link>
            </Typography.Text>
          )}
          <Card size="small">
            <Form<FileFeedbackValues>
              form={form}
              name="file-feedback"
              layout="vertical"
              onFinish={onFinish}
              scrollToFirstError
              initialValues={{ sender: { name: account?.displayName, email: account?.email ?? undefined, phone: account?.phone ?? undefined } }}
              data-testid="feedback-form"
            >
              <Form.Item
                name="title"
                label={t('feedbackPortal.file.titleLabel')}
                extra={t('feedbackPortal.file.titleHint')}
                rules={[
                  { required: true, whitespace: true, message: t('feedbackPortal.file.titleRequired') },
                  { min: L.titleMin, max: L.titleMax, message: t('feedbackPortal.file.length', { min: L.titleMin, max: L.titleMax }) },
                ]}
              >
                <Input maxLength={L.titleMax} autoComplete="off" data-testid="feedback-title" />
              </Form.Item>
              {/* The character count sits under the box; the hint follows it (as `extra` the count would cover it on a phone). */}
              <Form.Item
                name="content"
                label={t('feedbackPortal.file.contentLabel')}
                rules={[
                  { required: true, whitespace: true, message: t('feedbackPortal.file.contentRequired') },
                  { min: L.contentMin, max: L.contentMax, message: t('feedbackPortal.file.length', { min: L.contentMin, max: L.contentMax }) },
                ]}
                style={{ marginBottom: 28 }}
              >
                <Input.TextArea rows={6} maxLength={L.contentMax} showCount aria-describedby="feedback-content-hint" data-testid="feedback-content" />
              </Form.Item>
              <Typography.Paragraph type="secondary" id="feedback-content-hint" style={{ marginTop: -4 }}>
                {t('feedbackPortal.file.contentHint')}
              </Typography.Paragraph>

              {/* Announced politely when suggestions appear, so a screen-reader user knows to look (WCAG 4.1.3). */}
              <div role="status" aria-live="polite" className="visually-hidden">
                {suggestions.length > 0 ? t('feedbackPortal.similar.announce', { count: suggestions.length }) : ''}
              </div>
              {suggestions.length > 0 ? (
                <div style={{ marginBottom: 24 }}>
                  <SimilarFeedback items={suggestions} />
                </div>
              ) : null}

              <Form.Item name="procedureCode" label={t('feedbackPortal.file.procedure')} extra={t('feedbackPortal.file.procedureHint')}>
                <ProcedureSelect data-testid="feedback-procedure" />
              </Form.Item>
              {procedureCode ? null : (
                <Form.Item name="field" label={t('feedbackPortal.file.field')} extra={t('feedbackPortal.file.fieldHint')}>
                  <Select
                    allowClear
                    showSearch={{ filterOption: (input, option) => looselyIncludes(String(option?.label ?? ''), input) }}
                    placeholder={t('feedbackPortal.file.fieldPlaceholder')}
                    options={(fields?.items ?? []).map((f) => ({ value: f.name, label: f.name }))}
                    notFoundContent={t('common.empty')}
                    data-testid="feedback-field"
                  />
                </Form.Item>
              )}
              <Form.Item name="dossierCode" label={t('feedbackPortal.file.dossier')} extra={t('feedbackPortal.file.dossierHint')}>
                <Input maxLength={60} autoComplete="off" data-testid="feedback-dossier" />
              </Form.Item>

              <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 4, border: 0 }}>{t('feedbackPortal.file.senderLegend')}</legend>
                <Typography.Paragraph type="secondary">{account ? t('feedbackPortal.file.senderAccountHint') : t('feedbackPortal.file.senderHint')}</Typography.Paragraph>
                <Form.Item
                  name={['sender', 'name']}
                  label={t('feedbackPortal.file.name')}
                  rules={[
                    { required: !account, whitespace: true, message: t('feedbackPortal.file.nameRequired') },
                    { min: 2, max: 200, message: t('feedbackPortal.file.length', { min: 2, max: 200 }) },
                  ]}
                >
                  <Input maxLength={200} autoComplete="name" data-testid="feedback-sender-name" />
                </Form.Item>
                <Form.Item
                  name={['sender', 'email']}
                  label={t('feedbackPortal.file.email')}
                  dependencies={[['sender', 'phone']]}
                  rules={[{ type: 'email', message: t('feedbackPortal.file.emailInvalid') }, contactRule]}
                >
                  <Input type="email" maxLength={200} autoComplete="email" data-testid="feedback-sender-email" />
                </Form.Item>
                <Form.Item name={['sender', 'phone']} label={t('feedbackPortal.file.phone')} rules={[{ pattern: PHONE, message: t('feedbackPortal.file.phoneInvalid') }]}>
                  <Input type="tel" maxLength={20} autoComplete="tel" data-testid="feedback-sender-phone" />
                </Form.Item>
                <Form.Item name={['sender', 'address']} label={t('feedbackPortal.file.address')}>
                  <Input maxLength={500} autoComplete="street-address" data-testid="feedback-sender-address" />
                </Form.Item>
              </fieldset>

              <Typography.Paragraph type="secondary" id="feedback-publish-hint">
                {t('feedbackPortal.file.publishHint')}
              </Typography.Paragraph>
              <Form.Item name="keepPrivate" valuePropName="checked">
                <Checkbox aria-describedby="feedback-publish-hint" data-testid="feedback-keep-private">
                  {t('feedbackPortal.file.keepPrivate')}
                </Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" icon={<SendOutlined />} loading={submit.isPending} block data-testid="feedback-submit">
                {t('feedbackPortal.file.submit')}
              </Button>
            </Form>
          </Card>
        </>
      )}
    </Flex>
  );
}
