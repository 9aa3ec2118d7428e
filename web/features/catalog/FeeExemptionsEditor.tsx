import { Alert, Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EXEMPTION_KEY_PATTERN, exemptionKeys, type ExemptionValues, type ProcedureFormValues } from './procedure-form';

/** Holds a value the form keeps without showing it (a row's `stored` flag). */
function Nothing(_: { value?: unknown }) {
  return null;
}

/**
 * Who pays less or nothing (miễn, giảm phí, lệ phí), one row per category: the subject, the share taken off (100 =
 * exempt), the text that grants it, and the key the desk's decisions record. The fees' notes, where the national
 * records state exemptions in words, are shown above so the administrator can transcribe them.
 */
export function FeeExemptionsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProcedureFormValues>();
  const fees = Form.useWatch('fees', form) ?? [];
  const rows: ExemptionValues[] = Form.useWatch('feeExemptions', form) ?? [];
  const keys = exemptionKeys(rows);
  const notes = fees.filter((f) => f?.note?.trim());

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('catalog.editor.exemptionsHint')}
      </Typography.Paragraph>
      {notes.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="fee-exemption-notes"
          title={t('catalog.editor.exemptionNotes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {notes.map((f, i) => (
                <li key={i} className="wrap-anywhere" style={{ whiteSpace: 'pre-line' }}>
                  <Typography.Text strong>{t(`catalog.channels.${f.channel}`)}: </Typography.Text>
                  {f.note}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form.List name="feeExemptions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => {
              const stored = !!rows[index]?.stored;
              return (
                <Flex key={field.key} gap={8} wrap align="start" data-testid={`fee-exemption-${index}`}>
                  <Form.Item name={[field.name, 'stored']} hidden>
                    <Nothing />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'subject']}
                    rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}
                    style={{ flex: '3 1 220px', marginBottom: 0 }}
                  >
                    <Input.TextArea
                      aria-label={t('catalog.editor.exemptionSubject')}
                      placeholder={t('catalog.editor.exemptionSubjectPlaceholder')}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={500}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'percent']}
                    rules={[{ required: true, message: t('common.validation.required') }]}
                    extra={t('catalog.editor.exemptionPercentHint')}
                    style={{ flex: '0 1 130px', marginBottom: 0 }}
                  >
                    <InputNumber<number>
                      aria-label={t('catalog.editor.exemptionPercent')}
                      placeholder={t('catalog.editor.exemptionPercent')}
                      min={1}
                      max={100}
                      precision={0}
                      suffix="%"
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'basis']} style={{ flex: '3 1 220px', marginBottom: 0 }}>
                    <Input.TextArea
                      aria-label={t('catalog.editor.exemptionBasis')}
                      placeholder={t('catalog.editor.exemptionBasisPlaceholder')}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'key']}
                    extra={stored ? t('catalog.editor.exemptionKeyFixed') : t('catalog.editor.exemptionKeyHint')}
                    style={{ flex: '1 1 170px', marginBottom: 0 }}
                    rules={[
                      { pattern: EXEMPTION_KEY_PATTERN, message: t('catalog.editor.exemptionKeyInvalid') },
                      ({ getFieldValue }) => ({
                        validator: (_, value: string | null | undefined) => {
                          const key = value?.trim();
                          const all = (getFieldValue('feeExemptions') as ExemptionValues[] | undefined) ?? [];
                          const repeated = !!key && all.filter((r) => r?.key?.trim() === key).length > 1;
                          return repeated ? Promise.reject(new Error(t('catalog.editor.exemptionKeyRepeated'))) : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <Input
                      aria-label={t('catalog.editor.exemptionKey')}
                      placeholder={rows[index]?.subject?.trim() ? keys[index] : t('catalog.editor.exemptionKey')}
                      disabled={stored}
                      maxLength={40}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} onClick={() => remove(field.name)} />
                </Flex>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-fee-exemption">
              {t('catalog.editor.addExemption')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Flex>
  );
}
