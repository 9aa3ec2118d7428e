import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The dossier's required documents: name and the number of originals (bản chính) and copies (bản sao). */
export function RequiredDocumentsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="requiredDocuments">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} wrap align="start" data-testid={`document-${index}`}>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}
                style={{ flex: '4 1 260px', marginBottom: 0 }}
              >
                <Input.TextArea aria-label={t('catalog.editor.documentName')} placeholder={t('catalog.editor.documentName')} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name={[field.name, 'originals']} style={{ flex: '0 1 120px', marginBottom: 0 }}>
                <InputNumber aria-label={t('catalog.editor.originals')} prefix={t('catalog.editor.originalsShort')} min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[field.name, 'copies']} style={{ flex: '0 1 120px', marginBottom: 0 }}>
                <InputNumber aria-label={t('catalog.editor.copies')} prefix={t('catalog.editor.copiesShort')} min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ originals: 1, copies: 0 })} data-testid="add-document">
            {t('catalog.editor.addDocument')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
