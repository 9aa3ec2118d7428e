import { Checkbox, Flex, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The procedure's required documents: Space ticks what was handed in, Tab moves to its originals and copies.
 * Only ticked rows are sent; the others become the starting list of a guide to supplement.
 */
export function ChecklistFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="checklist">
      {(fields) =>
        fields.length === 0 ? (
          <Typography.Text type="secondary">{t('dossiers.intake.noDocuments')}</Typography.Text>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="checklist">
            {fields.map((field) => (
              <li key={field.key} style={{ marginBottom: 8 }}>
                <Flex gap={12} wrap align="flex-start" justify="space-between">
                  <div style={{ flex: '1 1 320px', minWidth: 0 }}>
                    <Form.Item name={[field.name, 'included']} valuePropName="checked" noStyle>
                      <Checkbox data-testid={`doc-${field.name}`} style={{ alignItems: 'flex-start' }}>
                        <Form.Item noStyle shouldUpdate>
                          {(form) => <span className="wrap-anywhere">{form.getFieldValue(['checklist', field.name, 'name'])}</span>}
                        </Form.Item>
                      </Checkbox>
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {(form) => {
                        const note = form.getFieldValue(['checklist', field.name, 'note']) as string | null;
                        return note ? (
                          <div style={{ paddingInlineStart: 24 }}>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {note}
                            </Typography.Text>
                          </div>
                        ) : null;
                      }}
                    </Form.Item>
                  </div>
                  <Flex gap={8} align="center">
                    <Form.Item name={[field.name, 'originals']} noStyle>
                      <InputNumber min={0} max={100} precision={0} size="small" style={{ width: 64 }} aria-label={t('dossiers.intake.originalsOf', { n: field.name + 1 })} />
                    </Form.Item>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dossiers.intake.originalsShort')}
                    </Typography.Text>
                    <Form.Item name={[field.name, 'copies']} noStyle>
                      <InputNumber min={0} max={100} precision={0} size="small" style={{ width: 64 }} aria-label={t('dossiers.intake.copiesOf', { n: field.name + 1 })} />
                    </Form.Item>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dossiers.intake.copiesShort')}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </li>
            ))}
          </ol>
        )
      }
    </Form.List>
  );
}
