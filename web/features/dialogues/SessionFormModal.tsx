import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { DIALOGUE_AUDIENCES, DIALOGUE_LEVELS, DIALOGUE_LIMITS as L } from '../../../contracts/dialogues/dialogues.values';
import type { CreateSessionRequest, SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { useCreateSession, useUpdateSession } from './dialogues.api';
import { filled, fromVnInstant, toVnInstant } from './dialogues-format';
import { UnitTreeSelect } from './UnitTreeSelect';

/** The form's values; names follow the API's fields so its 400s land on them. */
interface SessionValues {
  level?: CreateSessionRequest['level'];
  organisingUnitId?: string;
  title?: string;
  description?: string;
  chairName?: string;
  chairPosition?: string;
  startsAt?: Dayjs;
  place?: string;
  onlineUrl?: string;
  audience?: CreateSessionRequest['audience'];
  audienceSector?: string;
}

/** The session's details as the API takes them (empty optional texts left out; a sector only for a sector's audience). */
function toRequest(v: SessionValues): Omit<CreateSessionRequest, 'organisingUnitId'> {
  return {
    level: v.level!,
    title: (v.title ?? '').trim(),
    description: filled(v.description),
    chairName: (v.chairName ?? '').trim(),
    chairPosition: (v.chairPosition ?? '').trim(),
    startsAt: toVnInstant(v.startsAt!),
    place: filled(v.place),
    onlineUrl: filled(v.onlineUrl),
    audience: v.audience!,
    audienceSector: v.audience === 'sector' ? filled(v.audienceSector) : undefined,
  };
}

/** The form's values of an existing session (its start shown in Hà Nội time). */
function valuesOf(s: SessionDetail): SessionValues {
  return {
    level: s.level,
    organisingUnitId: s.organisingUnit.id,
    title: s.title,
    description: s.description ?? undefined,
    chairName: s.chair.name,
    chairPosition: s.chair.position,
    startsAt: fromVnInstant(s.startsAt),
    place: s.place ?? undefined,
    onlineUrl: s.onlineUrl ?? undefined,
    audience: s.audience,
    audienceSector: s.audienceSector ?? undefined,
  };
}

interface SessionFormModalProps {
  open: boolean;
  onClose: () => void;
  /** The session being changed; none: a new one is scheduled. */
  session?: SessionDetail;
  onSaved?: (detail: SessionDetail) => void;
}

/**
 * Schedules a dialogue session or changes one (domain README §9: date, chair, place or online link, participants):
 * level, organising unit (one the officer organises dialogues in), title, chair, start (Hà Nội time), place and/or
 * link, audience. The server's field errors land on the fields.
 */
export function SessionFormModal({ open, onClose, session, onSaved }: SessionFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionValues>();
  const create = useCreateSession();
  const update = useUpdateSession(session?.id ?? '');
  const audience = Form.useWatch('audience', form);
  // Each opening starts from the session's current values (the form instance outlives the dialog, and antd applies
  // `initialValues` only when a form first mounts).
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: SessionValues) => {
    const body = toRequest(values);
    const detail = session ? await update.mutateAsync({ ...body, version: session.version }) : await create.mutateAsync({ ...body, organisingUnitId: values.organisingUnitId! });
    void message.success(session ? t('dialogues.admin.detail.saved') : t('dialogues.admin.list.created'));
    onSaved?.(detail);
  };

  const required = { required: true, whitespace: true, message: t('dialogues.admin.form.required') };
  return (
    <FormModal<SessionValues>
      open={open}
      title={session ? t('dialogues.admin.form.editTitle') : t('dialogues.admin.form.createTitle')}
      form={form}
      name="dialogue-session"
      onClose={onClose}
      onSubmit={submit}
      okText={session ? t('dialogues.admin.form.save') : t('dialogues.admin.form.create')}
      initialValues={session ? valuesOf(session) : { audience: 'citizens' }}
      width={720}
      testId="session-form"
    >
      <Form.Item name="title" label={t('dialogues.admin.form.title')} rules={[required, { min: L.titleMin, max: L.titleMax }]}>
        <Input maxLength={L.titleMax} data-testid="session-title" />
      </Form.Item>
      <Form.Item name="level" label={t('dialogues.admin.form.level')} rules={[{ required: true, message: t('dialogues.admin.form.required') }]}>
        <Select options={DIALOGUE_LEVELS.map((l) => ({ value: l, label: t(`dialogues.levels.${l}`) }))} data-testid="session-level" />
      </Form.Item>
      {session ? null : (
        <Form.Item name="organisingUnitId" label={t('dialogues.admin.form.organisingUnit')} rules={[{ required: true, message: t('dialogues.admin.form.required') }]}>
          <UnitTreeSelect scope="managed" testId="session-unit" />
        </Form.Item>
      )}
      <Form.Item name="chairName" label={t('dialogues.admin.form.chairName')} rules={[required, { max: L.nameMax }]}>
        <Input maxLength={L.nameMax} data-testid="session-chair-name" />
      </Form.Item>
      <Form.Item name="chairPosition" label={t('dialogues.admin.form.chairPosition')} rules={[required, { max: L.nameMax }]}>
        <Input maxLength={L.nameMax} data-testid="session-chair-position" />
      </Form.Item>
      <Form.Item name="startsAt" label={t('dialogues.admin.form.startsAt')} rules={[{ required: true, message: t('dialogues.admin.form.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} data-testid="session-starts-at" />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('dialogues.admin.form.place')}
        extra={t('dialogues.admin.form.placeOrLink')}
        dependencies={['onlineUrl']}
        rules={[
          { max: L.placeMax },
          {
            validator: (_, v: string | undefined) =>
              filled(v) || filled(form.getFieldValue('onlineUrl') as string | undefined) ? Promise.resolve() : Promise.reject(new Error(t('dialogues.admin.form.placeOrLink'))),
          },
        ]}
      >
        <Input maxLength={L.placeMax} data-testid="session-place" />
      </Form.Item>
      <Form.Item name="onlineUrl" label={t('dialogues.admin.form.onlineUrl')} rules={[{ pattern: /^https?:\/\/\S+$/, message: t('dialogues.admin.form.linkInvalid') }]}>
        <Input type="url" inputMode="url" maxLength={L.urlMax} data-testid="session-online-url" />
      </Form.Item>
      <Form.Item name="audience" label={t('dialogues.admin.form.audience')} rules={[{ required: true, message: t('dialogues.admin.form.required') }]}>
        <Select options={DIALOGUE_AUDIENCES.map((a) => ({ value: a, label: t(`dialogues.audiences.${a}`) }))} data-testid="session-audience" />
      </Form.Item>
      {audience === 'sector' ? (
        <Form.Item name="audienceSector" label={t('dialogues.admin.form.audienceSector')} rules={[required, { max: L.nameMax }]}>
          <Input maxLength={L.nameMax} data-testid="session-audience-sector" />
        </Form.Item>
      ) : null}
      <Form.Item name="description" label={t('dialogues.admin.form.description')} rules={[{ max: L.descriptionMax }]}>
        <Input.TextArea rows={3} maxLength={L.descriptionMax} data-testid="session-description" />
      </Form.Item>
    </FormModal>
  );
}
