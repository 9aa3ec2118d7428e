import { useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Checkbox, Col, Flex, Form, Input, Radio, Result, Row, Select, Skeleton, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { CardHeading } from '../submissions/CardHeading';
import { useMe } from '../identity/identity.api';
import { useFeedbackIntake } from './feedback.api';
import { FEEDBACK_LIMITS as L, FEEDBACK_PATHS, INTAKE_ROLES, OFFICER_INTAKE_CHANNELS, type FeedbackReceipt, type OfficerIntakeRequest } from './feedback.types';
import { IntakeReceipt } from './IntakeReceipt';
import { SimilarFeedback } from './SimilarFeedback';

interface IntakeValues {
  channel: OfficerIntakeRequest['channel'];
  receivingUnitId?: string;
  sender: { name?: string; phone?: string; email?: string; address?: string };
  title?: string;
  content?: string;
  procedureCode?: string;
  dossierCode?: string;
  /** The sender does not agree that the answer is published (masked); the contract's `publish` is its opposite. */
  noPublish?: boolean;
}

/** The same phone pattern as the contract (FeedbackSenderInputSchema), so the officer hears of a typo before sending. */
const PHONE = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;

const trimmed = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** The request from the form: empty optional fields left out (the contract refuses empty strings). */
function toRequest(v: IntakeValues): OfficerIntakeRequest {
  const sender: OfficerIntakeRequest['sender'] = {};
  for (const k of ['name', 'email', 'phone', 'address'] as const) {
    const x = trimmed(v.sender[k]);
    if (x) sender[k] = x;
  }
  return {
    channel: v.channel,
    receivingUnitId: v.receivingUnitId!,
    sender,
    title: v.title!.trim(),
    content: v.content!.trim(),
    ...(trimmed(v.procedureCode) ? { procedureCode: trimmed(v.procedureCode) } : {}),
    ...(trimmed(v.dossierCode) ? { dossierCode: trimmed(v.dossierCode) } : {}),
    publish: !v.noPublish,
  };
}

/**
 * `/admin/feedback/new`: an officer enters feedback received at the desk, by letter, on the hotline or by e-mail, for
 * its sender (NĐ 20/2008/NĐ-CP; domain README §8 "Channels"). Answered items like it are suggested while typing; on
 * success the receipt shows the code, the unit, the due instant and the sender's secret, once.
 */
export function FeedbackIntakePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const { data: me, isPending } = useMe();
  const intake = useFeedbackIntake();
  const showError = useApiError();
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';

  // The units the officer takes items in for: those of their reception and specialist grants (feedback.policy.ts).
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of me?.grants ?? []) if (INTAKE_ROLES.includes(g.role) && !seen.has(g.orgUnitId)) seen.set(g.orgUnitId, g.orgUnitName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [me]);

  const required = (message: string) => ({ required: true, whitespace: true, message });
  const length = (min: number, max: number) => ({ min, max, message: t('feedback.validation.length', { min, max }) });
  /** At least one way to reach the sender (server: feedback.errors.contactOrAddressRequired). */
  const reachable = ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: () => {
      const given = (k: string) => {
        const v = getFieldValue(['sender', k]);
        return typeof v === 'string' && v.trim() !== '';
      };
      return ['email', 'phone', 'address'].some(given) ? Promise.resolve() : Promise.reject(new Error(t('feedback.validation.contactRequired')));
    },
  });

  const submit = (values: IntakeValues) =>
    intake.mutate(toRequest(values), {
      onSuccess: (r) => {
        // Cleared while still mounted, so "another item" starts from an empty form.
        form.resetFields();
        setReceipt(r);
      },
      onError: (err) => showError(err, form),
    });

  const header = (
    <>
      <Breadcrumb items={[{ title: <Link to={FEEDBACK_PATHS.queue}>{t('feedback.queue.title')}</Link> }, { title: t('feedback.intake.breadcrumb') }]} />
      <PageHeader title={t('feedback.intake.title')} subtitle={t('feedback.intake.subtitle')} />
    </>
  );

  // The unit picker's first value is set when the form mounts: wait for the officer's grants.
  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (units.length === 0) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Result status="info" title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('feedback.intake.noUnitTitle')}</h2>} subTitle={t('feedback.intake.noUnitText')} />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      {header}
      {receipt ? (
        <IntakeReceipt receipt={receipt} onAnother={() => setReceipt(null)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Form<IntakeValues>
              form={form}
              name="feedback-intake"
              layout="vertical"
              initialValues={{ channel: 'desk', receivingUnitId: units[0]?.value, sender: {}, noPublish: false }}
              onFinish={submit}
              data-testid="feedback-intake-form"
            >
              <Flex vertical gap={16}>
                <Card size="small" title={<CardHeading>{t('feedback.intake.receptionSection')}</CardHeading>}>
                  <Form.Item name="channel" label={t('feedback.fields.channel')} rules={[{ required: true }]}>
                    <Radio.Group name="feedback-intake-channel" options={OFFICER_INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) }))} />
                  </Form.Item>
                  <Form.Item name="receivingUnitId" label={t('feedback.fields.receivingUnit')} rules={[{ required: true, message: t('feedback.validation.unitRequired') }]}>
                    <Select options={units} showSearch={{ optionFilterProp: 'label' }} data-testid="feedback-intake-unit" />
                  </Form.Item>
                </Card>

                <Card size="small" title={<CardHeading>{t('feedback.intake.senderSection')}</CardHeading>}>
                  <Typography.Paragraph type="secondary">{t('feedback.intake.senderHint')}</Typography.Paragraph>
                  <Form.Item name={['sender', 'name']} label={t('feedback.fields.senderName')} rules={[required(t('feedback.validation.nameRequired')), length(2, 200)]}>
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={['sender', 'phone']}
                        label={t('feedback.fields.phone')}
                        rules={[{ pattern: PHONE, message: t('feedback.validation.phone') }]}
                        dependencies={[
                          ['sender', 'email'],
                          ['sender', 'address'],
                        ]}
                      >
                        <Input maxLength={20} inputMode="tel" autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={['sender', 'email']}
                        label={t('feedback.fields.email')}
                        rules={[{ type: 'email', message: t('feedback.validation.email') }, reachable]}
                        dependencies={[
                          ['sender', 'phone'],
                          ['sender', 'address'],
                        ]}
                      >
                        <Input maxLength={200} inputMode="email" autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={['sender', 'address']} label={t('feedback.fields.address')} rules={[{ max: 500, message: t('feedback.validation.max', { max: 500 }) }]}>
                    <Input maxLength={500} autoComplete="off" />
                  </Form.Item>
                </Card>

                <Card size="small" title={<CardHeading>{t('feedback.intake.contentSection')}</CardHeading>}>
                  <Form.Item name="title" label={t('feedback.fields.title')} rules={[required(t('feedback.validation.titleRequired')), length(L.titleMin, L.titleMax)]}>
                    <Input maxLength={L.titleMax} showCount />
                  </Form.Item>
                  <Form.Item name="content" label={t('feedback.fields.content')} rules={[required(t('feedback.validation.contentRequired')), length(L.contentMin, L.contentMax)]}>
                    <Input.TextArea rows={6} maxLength={L.contentMax} showCount />
                  </Form.Item>
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item name="procedureCode" label={t('feedback.fields.procedureCode')} extra={t('feedback.intake.procedureHint')}>
                        <Input maxLength={60} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name="dossierCode" label={t('feedback.fields.dossierCode')} extra={t('feedback.intake.dossierHint')}>
                        <Input maxLength={60} autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name="noPublish" valuePropName="checked" extra={t('feedback.intake.publishHint')} style={{ marginBottom: 0 }}>
                    <Checkbox data-testid="feedback-intake-no-publish">{t('feedback.intake.noPublish')}</Checkbox>
                  </Form.Item>
                </Card>

                <Flex gap={8} wrap>
                  <Button type="primary" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={intake.isPending} data-testid="feedback-intake-submit">
                    {t('feedback.intake.submit')}
                  </Button>
                </Flex>
              </Flex>
            </Form>
          </Col>
          <Col xs={24} xl={8}>
            <SimilarFeedback text={`${title} ${content}`} />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
