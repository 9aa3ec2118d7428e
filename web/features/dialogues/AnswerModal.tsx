import { useEffect } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { DIALOGUE_LIMITS as L } from '../../../contracts/dialogues/dialogues.values';
import type { AnswerQuestionRequest, OfficerQuestion } from '../../../contracts/dialogues/dialogues.contracts';
import { useQuestionAction } from './dialogues.api';
import { PlainText } from './PlainText';
import { UnitTreeSelect } from './UnitTreeSelect';

/** One commitment as the form holds it: working days, or a date. */
interface CommitmentValues {
  ownerUnitId?: string;
  text?: string;
  dueKind: 'days' | 'date';
  workingDays?: number | null;
  dueOn?: Dayjs | null;
}

interface AnswerValues {
  answer?: string;
  answeringUnitId?: string;
  commitments?: CommitmentValues[];
}

/** The answer as the API takes it: each commitment with its working days (none: the province's default) or its date. */
export function toAnswerRequest(version: number, v: AnswerValues): AnswerQuestionRequest {
  return {
    version,
    answer: (v.answer ?? '').trim(),
    answeringUnitId: v.answeringUnitId || undefined,
    commitments: (v.commitments ?? []).map((c) => ({
      ownerUnitId: c.ownerUnitId!,
      text: (c.text ?? '').trim(),
      ...(c.dueKind === 'date' ? { dueOn: c.dueOn ? c.dueOn.format('YYYY-MM-DD') : undefined } : { workingDays: c.workingDays ?? undefined }),
    })),
  };
}

/**
 * Records the answer to a question of a held session, with the commitments it makes (domain README §9): each names
 * the unit that owes it, what it promises, and a number of working days (counted on the working calendar from the
 * answer) or a date. Field errors of a commitment (an unknown unit, a date past or not yet on the calendar) land on it.
 */
export function AnswerModal({ sessionId, question, onClose }: { sessionId: string; question: OfficerQuestion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const action = useQuestionAction(sessionId);
  useEffect(() => {
    if (question) form.resetFields();
  }, [question, form]);

  const submit = async (values: AnswerValues) => {
    await action.mutateAsync({ questionId: question!.id, path: 'answer', body: toAnswerRequest(question!.version, values) });
    void message.success(t('dialogues.admin.detail.answered'));
  };
  const required = { required: true, whitespace: true, message: t('dialogues.admin.form.required') };

  return (
    <FormModal<AnswerValues>
      open={question !== null}
      title={t('dialogues.admin.answer.title')}
      form={form}
      name="dialogue-answer"
      onClose={onClose}
      onSubmit={submit}
      okText={t('dialogues.admin.answer.submit')}
      initialValues={{ commitments: [] }}
      width={760}
      testId="answer-form"
    >
      {question ? (
        <figure style={{ margin: '0 0 16px' }}>
          <figcaption>
            <Typography.Text strong>{t('dialogues.session.askedBy', { name: question.askerName })}</Typography.Text>
          </figcaption>
          <blockquote style={{ margin: '4px 0 0', padding: '8px 12px', background: '#f6f8fa', borderInlineStart: '3px solid #d0d7de' }}>
            <PlainText>{question.text}</PlainText>
          </blockquote>
        </figure>
      ) : null}
      <Form.Item name="answer" label={t('dialogues.admin.answer.answer')} rules={[required, { min: L.answerMin, max: L.answerMax }]}>
        <Input.TextArea rows={5} maxLength={L.answerMax} data-testid="answer-text" />
      </Form.Item>
      <Form.Item name="answeringUnitId" label={t('dialogues.admin.answer.answeringUnit')} extra={t('dialogues.admin.answer.answeringUnitHint')}>
        <UnitTreeSelect scope="all" allowClear testId="answer-unit" />
      </Form.Item>
      <Typography.Title level={2} style={{ fontSize: 15, margin: '8px 0' }}>
        {t('dialogues.admin.answer.commitments')}
      </Typography.Title>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field, i) => (
              <fieldset key={field.key} style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 12px 0', minWidth: 0 }} data-testid={`commitment-${i}`}>
                <legend style={{ fontSize: 14, fontWeight: 600, width: 'auto', marginBottom: 8, border: 0 }}>{t('dialogues.admin.answer.commitmentN', { n: i + 1 })}</legend>
                <Form.Item
                  name={[field.name, 'ownerUnitId']}
                  label={t('dialogues.admin.answer.ownerUnit')}
                  rules={[{ required: true, message: t('dialogues.admin.form.required') }]}
                >
                  <UnitTreeSelect scope="all" testId={`commitment-${i}-unit`} />
                </Form.Item>
                <Form.Item name={[field.name, 'text']} label={t('dialogues.admin.answer.text')} rules={[required, { min: L.commitmentMin, max: L.commitmentMax }]}>
                  <Input.TextArea rows={2} maxLength={L.commitmentMax} data-testid={`commitment-${i}-text`} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueKind']} label={t('dialogues.admin.answer.dueKind')}>
                  <Radio.Group
                    name={`commitment-${i}-due-kind`}
                    options={[
                      { value: 'days', label: t('dialogues.admin.answer.dueKindDays') },
                      { value: 'date', label: t('dialogues.admin.answer.dueKindDate') },
                    ]}
                    data-testid={`commitment-${i}-due-kind`}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a: AnswerValues, b: AnswerValues) => a.commitments?.[i]?.dueKind !== b.commitments?.[i]?.dueKind}>
                  {() =>
                    form.getFieldValue(['commitments', field.name, 'dueKind']) === 'date' ? (
                      <Form.Item
                        name={[field.name, 'dueOn']}
                        label={t('dialogues.admin.answer.dueOn')}
                        extra={t('dialogues.admin.answer.dueOnHint')}
                        rules={[{ required: true, message: t('dialogues.admin.form.required') }]}
                      >
                        <DatePicker format="DD/MM/YYYY" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid={`commitment-${i}-date`} />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'workingDays']} label={t('dialogues.admin.answer.workingDays')} extra={t('dialogues.admin.answer.workingDaysHint')}>
                        <InputNumber min={1} max={L.workingDaysMax} precision={0} style={{ width: 160 }} data-testid={`commitment-${i}-days`} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => remove(field.name)}
                  style={{ marginBottom: 12 }}
                  data-testid={`commitment-${i}-remove`}
                >
                  {t('dialogues.admin.answer.removeCommitment', { n: i + 1 })}
                </Button>
              </fieldset>
            ))}
            {fields.length < L.commitmentsPerAnswer ? (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ dueKind: 'days' })} style={{ alignSelf: 'flex-start' }} data-testid="answer-add-commitment">
                {t('dialogues.admin.answer.addCommitment')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
