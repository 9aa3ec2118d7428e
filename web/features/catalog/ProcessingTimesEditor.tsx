import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CHANNEL_SCOPES, DURATION_UNITS } from './catalog.types';

/** Processing time per channel: amount + counting unit, and the verbatim text as published. */
export function ProcessingTimesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="processingTimes">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} wrap align="start" data-testid={`time-${index}`}>
              <Form.Item name={[field.name, 'channel']} rules={[{ required: true, message: t('common.validation.required') }]} style={{ flex: '1 1 150px', marginBottom: 0 }}>
                <Select aria-label={t('catalog.editor.channel')} options={CHANNEL_SCOPES.map((c) => ({ value: c, label: t(`catalog.channels.${c}`) }))} />
              </Form.Item>
              <Form.Item name={[field.name, 'amount']} style={{ flex: '0 1 110px', marginBottom: 0 }}>
                <InputNumber aria-label={t('catalog.editor.amount')} placeholder={t('catalog.editor.amount')} min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[field.name, 'unit']} style={{ flex: '1 1 170px', marginBottom: 0 }}>
                <Select
                  allowClear
                  aria-label={t('catalog.editor.unit')}
                  placeholder={t('catalog.editor.unit')}
                  options={DURATION_UNITS.map((u) => ({ value: u, label: t(`catalog.units.${u}`) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'raw']} style={{ flex: '3 1 220px', marginBottom: 0 }}>
                <Input aria-label={t('catalog.editor.rawTime')} placeholder={t('catalog.editor.rawTime')} maxLength={500} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ channel: fields.length === 0 ? 'any' : 'online', unit: 'working-days' })} data-testid="add-time">
            {t('catalog.editor.addTime')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
