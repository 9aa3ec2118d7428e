import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { toIsoDate } from '../../ui/dates';
import { DAY_OFF_KINDS, type CalendarEntry, type DayOffKind, type EntryRequest } from './calendar.types';

interface EntryForm {
  date: Dayjs | null;
  type: 'day-off' | 'make-up';
  kind?: DayOffKind;
  reason: string;
  reference: string;
  note?: string;
}

/** Adds or edits a day off / make-up day of a draft year, with its reason and legal reference. */
export function EntryFormModal({
  open,
  year,
  entry,
  initialDate,
  onClose,
  onSubmit,
}: {
  open: boolean;
  year: number;
  /** The entry being edited; undefined to add one. */
  entry?: CalendarEntry;
  initialDate?: string;
  onClose: () => void;
  onSubmit: (entry: EntryRequest) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EntryForm>();
  const type = Form.useWatch('type', form);
  const initial: Partial<EntryForm> = entry
    ? { date: dayjs(entry.date), type: entry.type, kind: entry.kind ?? undefined, reason: entry.reason, reference: entry.reference, note: entry.note ?? undefined }
    : { date: initialDate ? dayjs(initialDate) : null, type: 'day-off', kind: 'other' };
  return (
    <FormModal
      open={open}
      form={form}
      title={entry ? t('calendar.entry.editTitle') : t('calendar.entry.addTitle')}
      onClose={onClose}
      initialValues={initial}
      testId="entry-form"
      onSubmit={(v) =>
        onSubmit({
          date: toIsoDate(v.date) ?? '',
          type: v.type,
          ...(v.type === 'day-off' ? { kind: v.kind ?? 'other' } : {}),
          reason: v.reason,
          reference: v.reference,
          ...(v.note ? { note: v.note } : {}),
        })
      }
    >
      <Form.Item name="type" label={t('calendar.entry.type')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'day-off', label: t('calendar.entryTypes.day-off') },
            { value: 'make-up', label: t('calendar.entryTypes.make-up') },
          ]}
        />
      </Form.Item>
      <Form.Item name="date" label={t('calendar.entry.date')} rules={[{ required: true, message: t('common.validation.required') }]} extra={t('calendar.entry.dateHelp', { year })}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} defaultPickerValue={dayjs(`${year}-01-01`)} disabledDate={(d) => d.year() !== year} />
      </Form.Item>
      {type !== 'make-up' ? (
        <Form.Item name="kind" label={t('calendar.entry.kind')}>
          <Select options={DAY_OFF_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={t('calendar.entry.reason')} rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}>
        <Input maxLength={300} placeholder={t('calendar.entry.reasonPlaceholder')} />
      </Form.Item>
      <Form.Item name="reference" label={t('calendar.entry.reference')} rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}>
        <Input maxLength={300} placeholder={t('calendar.entry.referencePlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('calendar.entry.note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
