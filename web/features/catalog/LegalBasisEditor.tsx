import { Button, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Legal texts the procedure rests on: number (số hiệu) and title. */
export function LegalBasisEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="legalBasis">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} wrap align="start" data-testid={`legal-${index}`}>
              <Form.Item name={[field.name, 'number']} style={{ flex: '1 1 160px', marginBottom: 0 }}>
                <Input aria-label={t('catalog.editor.legalNumber')} placeholder={t('catalog.editor.legalNumber')} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'title']}
                rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}
                style={{ flex: '4 1 260px', marginBottom: 0 }}
              >
                <Input.TextArea aria-label={t('catalog.editor.legalTitle')} placeholder={t('catalog.editor.legalTitle')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-legal">
            {t('catalog.editor.addLegal')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
