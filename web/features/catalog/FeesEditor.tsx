import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CHANNEL_SCOPES } from './catalog.types';

/** Fee per channel: integer VND when known, the published wording, and any exemption note. */
export function FeesEditor() {
  const { t, i18n } = useTranslation();
  const formatter = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN');
  return (
    <Form.List name="fees">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} wrap align="start" data-testid={`fee-${index}`}>
              <Form.Item name={[field.name, 'channel']} rules={[{ required: true, message: t('common.validation.required') }]} style={{ flex: '1 1 150px', marginBottom: 0 }}>
                <Select aria-label={t('catalog.editor.channel')} options={CHANNEL_SCOPES.map((c) => ({ value: c, label: t(`catalog.channels.${c}`) }))} />
              </Form.Item>
              <Form.Item name={[field.name, 'amountVnd']} style={{ flex: '1 1 160px', marginBottom: 0 }}>
                <InputNumber<number>
                  aria-label={t('catalog.editor.feeAmount')}
                  placeholder={t('catalog.editor.feeAmount')}
                  min={0}
                  step={1000}
                  precision={0}
                  suffix="₫"
                  formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : formatter.format(Number(v)))}
                  parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'text']} style={{ flex: '2 1 200px', marginBottom: 0 }}>
                <Input aria-label={t('catalog.editor.feeText')} placeholder={t('catalog.editor.feeText')} maxLength={500} />
              </Form.Item>
              <Form.Item name={[field.name, 'note']} style={{ flex: '3 1 220px', marginBottom: 0 }}>
                <Input.TextArea aria-label={t('catalog.editor.feeNote')} placeholder={t('catalog.editor.feeNote')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ channel: fields.length === 0 ? 'any' : 'online' })} data-testid="add-fee">
            {t('catalog.editor.addFee')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
