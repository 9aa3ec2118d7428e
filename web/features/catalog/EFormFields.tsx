import { useEffect, useMemo, type ReactNode } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { eFormPrefill, isEmptyAnswer } from '../../../contracts/catalog/eform.rules';
import type { EFormApplicant, EFormDefinition, EFormField } from './catalog.types';
import { eFormRules, inputMaxLength, localText, vnToday } from './eform-rules';

/** What the page passes: the form to render, where its answers live in the surrounding antd Form, and the applicant. */
export interface EFormFieldsProps {
  definition: EFormDefinition;
  /** Name path of the answers object in the surrounding Form (default `['eForm']`). */
  name?: Array<string | number>;
  /** The signed-in applicant: fields with a `prefill` source start with these values (only empty fields are filled). */
  applicant?: EFormApplicant | null;
  /** Day "not in the future" is measured from (YYYY-MM-DD); defaults to today in Asia/Ho_Chi_Minh. */
  today?: string;
}

/** Full width for long answers, half from tablet width up for the rest (one column at 390 px). */
const wide = (f: EFormField) => f.type === 'textarea' || f.type === 'address' || f.type === 'checkbox';

function control(field: EFormField, lang: string, label: string, today: string): ReactNode {
  const maxLength = inputMaxLength(field);
  const options = field.options?.map((o) => ({ value: o.value, label: localText(o.label, lang) }));
  switch (field.type) {
    case 'text':
      return <Input maxLength={maxLength} autoComplete={field.prefill === 'fullName' ? 'name' : 'off'} />;
    case 'textarea':
      return <Input.TextArea maxLength={maxLength} autoSize={{ minRows: 2, maxRows: 8 }} />;
    case 'address':
      return <Input maxLength={maxLength} autoComplete={field.prefill === 'address' ? 'street-address' : 'off'} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} inputMode={field.validation?.integer ? 'numeric' : 'decimal'} />;
    case 'date':
      return (
        <DatePicker
          style={{ width: '100%' }}
          format="DD/MM/YYYY"
          disabledDate={(d: Dayjs) => (!!field.validation?.notFuture && d.isAfter(today, 'day')) || (!!field.validation?.notPast && d.isBefore(today, 'day'))}
        />
      );
    case 'select':
      return <Select options={options} allowClear showSearch={{ optionFilterProp: 'label' }} />;
    case 'radio':
      return <Radio.Group options={options} aria-label={label} />;
    case 'checkbox':
      return options?.length ? <Checkbox.Group options={options} aria-label={label} /> : <Checkbox>{label}</Checkbox>;
    case 'id-number':
      return <Input maxLength={maxLength} inputMode="numeric" autoComplete="off" />;
    case 'phone':
      return <Input maxLength={maxLength} inputMode="tel" autoComplete="tel" />;
    case 'email':
      return <Input maxLength={maxLength} inputMode="email" autoComplete="email" />;
  }
}

/**
 * Renders an e-form definition inside a surrounding antd Form: sections with their titles, each field with its label,
 * help (announced through `aria-describedby`) and the same rule the server applies (contracts/catalog/eform.rules.ts).
 * Dates travel as `YYYY-MM-DD`, so the Form's values are the answers object the server validates.
 */
export function EFormFields({ definition, name = ['eForm'], applicant, today: todayProp }: EFormFieldsProps) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const lang = i18n.language;
  const today = todayProp ?? vnToday();
  const prefill = useMemo(() => eFormPrefill(definition, applicant, today), [definition, applicant, today]);

  useEffect(() => {
    // Pre-fill only what is still empty: never overwrite what the citizen typed or a saved draft holds.
    const empty = Object.entries(prefill).filter(([key]) => isEmptyAnswer(form.getFieldValue([...name, key])));
    if (empty.length > 0) form.setFields(empty.map(([key, value]) => ({ name: [...name, key], value })));
    // `name` is compared by content: a new array literal on each render must not re-run the effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, prefill, name.join('\u0000')]);

  return (
    <>
      {definition.sections.map((section) => (
        <section key={section.key} aria-labelledby={`eform-section-${section.key}`} style={{ marginBottom: 8 }}>
          <Typography.Title level={5} id={`eform-section-${section.key}`} style={{ marginTop: 8 }}>
            {localText(section.title, lang)}
          </Typography.Title>
          {section.description ? <Typography.Paragraph type="secondary">{localText(section.description, lang)}</Typography.Paragraph> : null}
          <Row gutter={16}>
            {section.fields.map((field) => {
              const label = localText(field.label, lang);
              const help = field.help ? localText(field.help, lang) : undefined;
              const tickBox = field.type === 'checkbox' && !field.options?.length;
              const isDate = field.type === 'date';
              return (
                <Col key={field.key} xs={24} md={wide(field) ? 24 : 12}>
                  <Form.Item
                    name={[...name, field.key]}
                    // A single tick box carries its own text as its label.
                    label={tickBox ? undefined : label}
                    required={field.required}
                    extra={help}
                    rules={eFormRules(field, t, today)}
                    valuePropName={tickBox ? 'checked' : 'value'}
                    getValueProps={isDate ? (v: string | undefined) => ({ value: v ? dayjs(v) : null }) : undefined}
                    normalize={isDate ? (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined) : undefined}
                  >
                    {control(field, lang, label, today)}
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </section>
      ))}
    </>
  );
}
