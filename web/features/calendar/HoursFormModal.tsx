import { Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { WEEKDAYS, type WeeklyHours } from './calendar.types';
import { hoursToTexts, parsePeriods, periodsValid, textsToHours } from './calendar.format';
import { UnitCodePicker } from './UnitCodePicker';

type HoursForm = Record<string, string> & { code?: string; label?: string };

/** Edits office hours per weekday as text ("07:00–11:30, 13:30–17:00"; empty = weekly rest day); for a unit, also picks the unit. */
export function HoursFormModal({
  open,
  title,
  hours,
  unit,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  hours: WeeklyHours;
  /** Set when editing a unit's hours; `code` empty to choose a unit. */
  unit?: { code?: string; label?: string | null };
  onClose: () => void;
  onSubmit: (value: { hours: WeeklyHours; code?: string; label?: string }) => Promise<unknown> | void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HoursForm>();
  const initial = { ...hoursToTexts(hours), ...(unit ? { code: unit.code, label: unit.label ?? undefined } : {}) };
  return (
    <FormModal
      open={open}
      form={form}
      title={title}
      okText={t('calendar.hours.next')}
      width={640}
      onClose={onClose}
      initialValues={initial}
      testId="hours-form"
      onSubmit={async (v) => {
        const parsed = textsToHours(v);
        if (parsed) await onSubmit({ hours: parsed, code: v.code, label: v.label });
      }}
    >
      {unit ? (
        <>
          <Form.Item name="code" label={t('calendar.hours.unit')} rules={[{ required: true, message: t('common.validation.required') }]}>
            <UnitCodePicker allowClear={false} onLabel={(name) => form.setFieldValue('label', name)} />
          </Form.Item>
          <Form.Item name="label" hidden>
            <Input />
          </Form.Item>
        </>
      ) : null}
      <Typography.Paragraph type="secondary">{t('calendar.hours.help')}</Typography.Paragraph>
      <Row gutter={12}>
        {WEEKDAYS.map((d) => (
          <Col key={d} xs={24} sm={12}>
            <Form.Item
              name={d}
              label={t(`calendar.weekdays.${d}`)}
              style={{ marginBottom: 12 }}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const periods = parsePeriods(value);
                    if (!periods || !periodsValid(periods)) return Promise.reject(new Error(t('calendar.hours.invalid')));
                    // Monday defines "1 working day" (§19 row 3), so it cannot be a rest day.
                    if (d === '1' && periods.length === 0) return Promise.reject(new Error(t('calendar.hours.mondayRequired')));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Input placeholder={t('calendar.hours.restDay')} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
