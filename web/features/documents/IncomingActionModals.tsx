import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../ui/dates';
import { FormModal } from '../../ui/FormModal';
import { CLOSE_OUTCOMES, DOCUMENT_LIMITS as L } from '../../../contracts/documents/documents.values';
import type { AssignIncomingRequest, CloseIncomingRequest, IncomingDetail } from '../../../contracts/documents/documents.contracts';
import { filled } from '../dialogues/dialogues-format';
import { vnToday } from './documents-dates';
import { DocumentUnitSelect, DocumentUnitsSelect } from './DocumentUnitSelect';
import { useLeadCandidates } from './documents.api';

/** The roles whose units (and subtrees) a leader hands documents to: the lead and partners are the body's own units. */
const LEADER_ROLES = ['leader'];

interface ActionModalProps<B> {
  open: boolean;
  doc: IncomingDetail;
  onClose: () => void;
  /** Sends the body (the version is added by the caller). */
  onSubmit: (body: B) => Promise<unknown>;
  /** A failure handled by the page (a 409 shows the reload notice); true when handled. */
  onError: (err: unknown) => boolean;
}

interface AssignValues {
  /** A lead unit (whose specialists and leaders handle it) or one lead person (NĐ 30/2020 Điều 24). */
  leadKind: 'unit' | 'user';
  leadUnitId?: string;
  leadUserId?: string;
  partnerUnitIds?: string[];
  deadline: 'days' | 'date' | 'none';
  handlingDays?: number | null;
  dueOn?: Dayjs;
  instruction?: string;
}

/** The assign request from the form: one deadline kind, optional texts left out. */
export function toAssignRequest(v: AssignValues): Omit<AssignIncomingRequest, 'version'> {
  return {
    ...(v.leadKind === 'user' ? { leadUserId: v.leadUserId } : { leadUnitId: v.leadUnitId }),
    partnerUnitIds: (v.partnerUnitIds ?? []).filter((u) => v.leadKind === 'user' || u !== v.leadUnitId),
    ...(v.deadline === 'days' && v.handlingDays ? { handlingDays: v.handlingDays } : {}),
    ...(v.deadline === 'date' && v.dueOn ? { dueOn: toIsoDate(v.dueOn) } : {}),
    ...(filled(v.instruction) ? { instruction: filled(v.instruction) } : {}),
  };
}

/**
 * The leader assigns the document: a lead unit, partner units, a deadline in working days or a date (or none, to
 * follow up), and an instruction. The server computes the due instant on the body's calendar.
 */
export function AssignModal({ open, doc, onClose, onSubmit, onError }: ActionModalProps<Omit<AssignIncomingRequest, 'version'>>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const deadline = Form.useWatch('deadline', form);
  const leadKind = Form.useWatch('leadKind', form);
  const candidates = useLeadCandidates(doc.id, open && leadKind === 'user');
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const a = doc.assignment;
  return (
    <FormModal<AssignValues>
      open={open}
      title={t('documents.incoming.detail.assignTitle')}
      form={form}
      name="incoming-assign"
      onClose={onClose}
      onSubmit={(v) => onSubmit(toAssignRequest(v))}
      onError={onError}
      okText={t('documents.incoming.detail.assign')}
      initialValues={{
        leadKind: a?.leadUser ? 'user' : 'unit',
        leadUnitId: a?.leadUnit?.id,
        leadUserId: a?.leadUser?.id,
        partnerUnitIds: a?.partnerUnits.map((u) => u.id) ?? [],
        deadline: a?.dueOn && !a.handlingDays ? 'date' : a && !a.handlingDays ? 'none' : 'days',
        handlingDays: a?.handlingDays ?? 10,
        dueOn: a?.dueOn ? dayjs(a.dueOn) : undefined,
        instruction: a?.instruction ?? undefined,
      }}
      width={640}
      testId="incoming-assign-form"
    >
      <Form.Item name="leadKind" label={t('documents.fields.leadKind')}>
        <Radio.Group
          name="incoming-assign-lead-kind"
          options={[
            { value: 'unit', label: t('documents.incoming.detail.leadKindUnit') },
            { value: 'user', label: t('documents.incoming.detail.leadKindUser') },
          ]}
          data-testid="assign-lead-kind"
        />
      </Form.Item>
      {leadKind === 'user' ? (
        <Form.Item name="leadUserId" label={t('documents.fields.leadUser')} rules={[{ required: true, message: t('documents.validation.leadUserRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isPending}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} — ${c.units.join(', ')}` }))}
            data-testid="assign-lead-user"
          />
        </Form.Item>
      ) : (
        <Form.Item name="leadUnitId" label={t('documents.fields.leadUnit')} rules={[{ required: true, message: t('documents.validation.leadRequired') }]}>
          <DocumentUnitSelect scope="covered" roles={LEADER_ROLES} testId="assign-lead-unit" />
        </Form.Item>
      )}
      <Form.Item name="partnerUnitIds" label={t('documents.fields.partners')}>
        <DocumentUnitsSelect scope="covered" roles={LEADER_ROLES} testId="assign-partners" />
      </Form.Item>
      <Form.Item name="deadline" label={t('documents.incoming.detail.deadlineKind')}>
        <Radio.Group
          name="incoming-assign-deadline"
          options={[
            { value: 'days', label: t('documents.incoming.detail.deadlineDays') },
            { value: 'date', label: t('documents.incoming.detail.deadlineDate') },
            { value: 'none', label: t('documents.incoming.detail.deadlineNone') },
          ]}
          data-testid="assign-deadline-kind"
        />
      </Form.Item>
      {deadline === 'days' ? (
        <Form.Item name="handlingDays" label={t('documents.incoming.detail.workingDays')} rules={[{ required: true, message: t('documents.validation.required') }]}>
          <InputNumber min={1} max={L.handlingDaysMax} precision={0} style={{ width: 160 }} data-testid="assign-days" />
        </Form.Item>
      ) : null}
      {deadline === 'date' ? (
        <Form.Item name="dueOn" label={t('documents.incoming.detail.dueOn')} rules={[{ required: true, message: t('documents.validation.choose') }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isBefore(vnToday(), 'day')} style={{ width: 200 }} data-testid="assign-due-on" />
        </Form.Item>
      ) : null}
      <Form.Item name="instruction" label={t('documents.fields.instruction')} rules={[{ max: L.textMax, message: t('documents.validation.max', { max: L.textMax }) }]}>
        <Input.TextArea rows={3} maxLength={L.textMax} data-testid="assign-instruction" />
      </Form.Item>
    </FormModal>
  );
}

/** A handling note by the lead, a partner or the leader. */
export function NoteModal({ open, onClose, onSubmit, onError }: Omit<ActionModalProps<{ text: string }>, 'doc'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text?: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <FormModal<{ text?: string }>
      open={open}
      title={t('documents.incoming.detail.noteTitle')}
      form={form}
      name="incoming-note"
      onClose={onClose}
      onSubmit={(v) => onSubmit({ text: (v.text ?? '').trim() })}
      onError={onError}
      testId="incoming-note-form"
    >
      <Form.Item
        name="text"
        label={t('documents.incoming.detail.noteText')}
        rules={[
          { required: true, whitespace: true, message: t('documents.validation.required') },
          { min: L.textMin, max: L.textMax, message: t('documents.validation.length', { min: L.textMin, max: L.textMax }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={L.textMax} showCount data-testid="note-text" />
      </Form.Item>
    </FormModal>
  );
}

interface CloseValues {
  outcome: CloseIncomingRequest['outcome'];
  text?: string;
}

/** Ends the handling: done (handled) or noted (for information), with the outcome in words. */
export function CloseModal({ open, doc, onClose, onSubmit, onError }: ActionModalProps<Omit<CloseIncomingRequest, 'version'>>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <FormModal<CloseValues>
      open={open}
      title={t('documents.incoming.detail.closeTitle')}
      form={form}
      name="incoming-close"
      onClose={onClose}
      onSubmit={(v) => onSubmit({ outcome: v.outcome, text: (v.text ?? '').trim() })}
      onError={onError}
      okText={t('documents.incoming.detail.close')}
      // Not yet assigned: the leader reads it for information (để biết).
      initialValues={{ outcome: doc.state === 'REGISTERED' ? 'noted' : 'done' }}
      testId="incoming-close-form"
    >
      <Form.Item name="outcome" label={t('documents.fields.outcome')} rules={[{ required: true, message: t('documents.validation.choose') }]}>
        <Radio.Group name="incoming-close-outcome" options={CLOSE_OUTCOMES.map((o) => ({ value: o, label: t(`documents.closeOutcomes.${o}`) }))} data-testid="close-outcome" />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('documents.incoming.detail.closeText')}
        rules={[
          { required: true, whitespace: true, message: t('documents.validation.required') },
          { min: L.textMin, max: L.textMax, message: t('documents.validation.length', { min: L.textMin, max: L.textMax }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={L.textMax} showCount data-testid="close-text" />
      </Form.Item>
    </FormModal>
  );
}
