import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormModal } from '../../ui/FormModal';
import { OrgUnitTreeSelect } from '../identity/OrgUnitTreeSelect';
import { useFeedbackAction } from './feedback.api';
import { actionDef, DANGEROUS_ACTIONS, toActionRequest, type FeedbackActionValues } from './feedback-actions';
import { DEADLINE_RULES, FEEDBACK_LIMITS as L, HANDLED_KINDS, OUT_OF_SCOPE_CATEGORIES, type FeedbackActionKey, type FeedbackDetail } from './feedback.types';

interface FeedbackActionModalProps {
  item: FeedbackDetail;
  action: FeedbackActionKey | null;
  onClose: () => void;
  /** Reads the item again after a conflict; the dialog keeps what the officer typed. */
  onReload: () => Promise<unknown>;
}

/** The values a dialog opens with: the item's current kind, rule and draft where the action changes them. */
function initialValues(key: FeedbackActionKey, item: FeedbackDetail): FeedbackActionValues {
  switch (key) {
    case 'classify':
      return { kind: item.kind === 'regulation' || item.kind === 'conduct' ? item.kind : undefined };
    case 'setDeadline':
      return { rule: item.deadline.rule };
    case 'draftAnswer':
      return { answer: item.draftAnswer ?? '' };
    default:
      return {};
  }
}

/** A read-only block of the item's text (the draft under review), keeping the officer's line breaks. */
function Quoted({ label, text }: { label: string; text: string }) {
  return (
    <figure style={{ margin: '0 0 16px' }}>
      <figcaption>
        <Typography.Text strong>{label}</Typography.Text>
      </figcaption>
      <blockquote
        className="wrap-anywhere"
        style={{ margin: '4px 0 0', padding: '8px 12px', background: '#f6f8fa', borderInlineStart: '3px solid #d0d7de', whiteSpace: 'pre-wrap' }}
      >
        {text}
      </blockquote>
    </figure>
  );
}

/**
 * One dialog for every officer action on an item; its fields depend on the action (contracts/feedback: each request
 * schema). The version the officer saw goes with it; a conflict (someone acted first, 409) is shown in the dialog with
 * a way to read the item again, and field errors (400) go on the fields.
 */
export function FeedbackActionModal({ item, action, onClose, onReload }: FeedbackActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FeedbackActionValues>();
  const mutation = useFeedbackAction(item.id);
  // While the dialog fades out its action is already null: keep showing the one it was opened for. Adjusted during
  // render (not in an effect) so the dialog never renders once with the stale name.
  const [last, setLast] = useState<FeedbackActionKey>('classify');
  if (action && action !== last) setLast(action);
  const key = action ?? last;
  const def = actionDef(key);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const rule = Form.useWatch('rule', form);
  // Each opening starts from the item's current values (the form instance outlives the dialog, and antd applies
  // `initialValues` only when a form first mounts); a reload after a conflict keeps what was typed.
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);

  const close = () => {
    setConflict(null);
    setReloaded(false);
    onClose();
  };

  const onError = (err: unknown) => {
    if (!(err instanceof ApiError && err.status === 409)) return false;
    setConflict(err.message);
    setReloaded(false);
    return true;
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setConflict(null);
      setReloaded(true);
    } finally {
      setReloading(false);
    }
  };

  // Reads the version at submit time: after a reload the retry carries the fresh one.
  const submit = async (values: FeedbackActionValues) => {
    const next = await mutation.mutateAsync({ key, body: toActionRequest(key, item.version, values) });
    void message.success(t(`feedback.actions.${key}.done`, { code: item.code, unit: next.assignedUnit.name, into: next.mergedInto?.code ?? '' }));
  };

  const required = (msg: string) => ({ required: true, whitespace: true, message: msg });
  const length = (min: number, max: number) => ({ min, max, message: t('feedback.validation.length', { min, max }) });
  const reasonRules = [required(t('feedback.validation.reasonRequired')), length(L.reasonMin, L.reasonMax)];
  const publishNote = item.publish ? t('feedback.detail.publishYes') : t('feedback.detail.publishNo');

  let fields: ReactNode;
  switch (key) {
    case 'classify':
      fields = (
        <>
          <Form.Item name="kind" label={t('feedback.fields.kind')} rules={[{ required: true, message: t('feedback.validation.kindRequired') }]}>
            <Radio.Group
              name="feedback-classify-kind"
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={HANDLED_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.long.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('feedback.fields.note')} rules={[{ max: L.reasonMax, message: t('feedback.validation.max', { max: L.reasonMax }) }]}>
            <Input.TextArea rows={2} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
    case 'closeOutOfScope':
      fields = (
        <>
          <Form.Item name="category" label={t('feedback.fields.category')} rules={[{ required: true, message: t('feedback.validation.categoryRequired') }]}>
            <Radio.Group
              name="feedback-out-of-scope-category"
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={OUT_OF_SCOPE_CATEGORIES.map((c) => ({ value: c, label: t(`feedback.categories.long.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('feedback.fields.reason')} rules={reasonRules}>
            <Input.TextArea rows={3} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
    case 'transfer':
      fields = (
        <>
          <Form.Item name="unitId" label={t('feedback.fields.targetUnit')} rules={[{ required: true, message: t('feedback.validation.unitRequired') }]}>
            <OrgUnitTreeSelect allowClear={false} disabledIds={[item.assignedUnit.id]} data-testid="feedback-transfer-unit" />
          </Form.Item>
          <Form.Item name="reason" label={t('feedback.fields.reason')} rules={reasonRules}>
            <Input.TextArea rows={3} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
    case 'merge':
      fields = (
        <>
          <Form.Item
            name="intoCode"
            label={t('feedback.fields.intoCode')}
            extra={t('feedback.actions.merge.codeHint')}
            rules={[required(t('feedback.validation.intoCodeRequired')), { max: 40, message: t('feedback.validation.max', { max: 40 }) }]}
          >
            <Input maxLength={40} placeholder="PAKN-2026-000001" autoComplete="off" />
          </Form.Item>
          <Form.Item name="reason" label={t('feedback.fields.reasonOptional')} rules={[{ max: L.reasonMax, message: t('feedback.validation.max', { max: L.reasonMax }) }]}>
            <Input.TextArea rows={2} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
    case 'setDeadline':
      fields = (
        <>
          <Form.Item name="rule" label={t('feedback.fields.rule')} rules={[{ required: true, message: t('feedback.validation.ruleRequired') }]}>
            <Radio.Group
              name="feedback-deadline-rule"
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={DEADLINE_RULES.map((r) => ({ value: r, label: t(`feedback.rules.long.${r}`) }))}
            />
          </Form.Item>
          {rule === 'appointment' ? (
            <Form.Item
              name="dueAt"
              label={t('feedback.fields.appointment')}
              extra={t('feedback.actions.setDeadline.appointmentHint')}
              rules={[{ required: true, message: t('feedback.validation.appointmentRequired') }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="DD/MM/YYYY HH:mm"
                disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                style={{ width: 240, maxWidth: '100%' }}
                data-testid="feedback-deadline-due"
              />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label={t('feedback.fields.reason')} rules={reasonRules}>
            <Input.TextArea rows={2} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
    case 'requestInfo':
      fields = (
        <Form.Item name="question" label={t('feedback.fields.question')} rules={[required(t('feedback.validation.questionRequired')), length(10, L.reasonMax)]}>
          <Input.TextArea rows={4} maxLength={L.reasonMax} showCount />
        </Form.Item>
      );
      break;
    case 'draftAnswer':
      fields = (
        <>
          <Typography.Paragraph type="secondary">{publishNote}</Typography.Paragraph>
          <Form.Item name="answer" label={t('feedback.fields.answer')} rules={[required(t('feedback.validation.answerRequired')), length(L.answerMin, L.answerMax)]}>
            <Input.TextArea rows={10} maxLength={L.answerMax} showCount />
          </Form.Item>
        </>
      );
      break;
    case 'approve':
      fields = (
        <>
          {item.draftAnswer ? <Quoted label={t('feedback.detail.draft')} text={item.draftAnswer} /> : null}
          <Typography.Paragraph type="secondary">{publishNote}</Typography.Paragraph>
          <Form.Item name="note" label={t('feedback.fields.note')} rules={[{ max: L.reasonMax, message: t('feedback.validation.max', { max: L.reasonMax }) }]}>
            <Input.TextArea rows={2} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
    case 'sendBack':
      fields = (
        <>
          {item.draftAnswer ? <Quoted label={t('feedback.detail.draft')} text={item.draftAnswer} /> : null}
          <Form.Item name="note" label={t('feedback.fields.sendBackNote')} rules={reasonRules}>
            <Input.TextArea rows={3} maxLength={L.reasonMax} />
          </Form.Item>
        </>
      );
      break;
  }

  const banner = (
    <>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('feedback.conflict.title')}
          description={conflict}
          action={
            <Button size="small" icon={<ReloadOutlined aria-hidden />} loading={reloading} onClick={() => void reload()} data-testid="feedback-conflict-reload">
              {t('feedback.conflict.reload')}
            </Button>
          }
          data-testid="feedback-conflict"
        />
      ) : null}
      {reloaded ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={item.actions[key] ? t('feedback.conflict.reloaded') : t('feedback.conflict.noLonger')}
          data-testid="feedback-conflict-reloaded"
        />
      ) : null}
    </>
  );

  return (
    <FormModal<FeedbackActionValues>
      name={`feedback-${def.transition}`}
      open={action !== null}
      title={t(`feedback.actions.${key}.title`, { code: item.code })}
      form={form}
      onClose={close}
      onSubmit={submit}
      onError={onError}
      okText={t(`feedback.actions.${key}.label`)}
      okDanger={DANGEROUS_ACTIONS.has(key)}
      okDisabled={conflict !== null || !item.actions[key]}
      initialValues={initialValues(key, item)}
      width={640}
      banner={banner}
      testId={`feedback-modal-${def.transition}`}
    >
      <Typography.Paragraph type="secondary" className="wrap-anywhere">
        {t(`feedback.actions.${key}.hint`)}
      </Typography.Paragraph>
      {fields}
    </FormModal>
  );
}
