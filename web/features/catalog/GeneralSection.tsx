import { AutoComplete, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgUnitTreeSelect } from '../identity/OrgUnitTreeSelect';
import { useFields } from './catalog.api';
import { LEVELS, ONLINE_MODES } from './catalog.types';

/** Code, name, field, level, implementing units, online mode, applicants and results of a procedure. */
export function GeneralSection({ isNew }: { isNew: boolean }) {
  const { t } = useTranslation();
  const { data: fields } = useFields();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="code" label={t('catalog.editor.code')} extra={isNew ? t('catalog.editor.codeHint') : undefined}>
          <Input disabled={!isNew} maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={t('catalog.editor.name')} rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="field" label={t('catalog.editor.field')}>
          <AutoComplete
            allowClear
            options={(fields?.items ?? []).map((f) => ({ value: f.name }))}
            showSearch={{ filterOption: (input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase()) }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="levels" label={t('catalog.editor.level')}>
          <Select mode="multiple" allowClear options={LEVELS.map((l) => ({ value: l, label: t(`catalog.levels.${l}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="onlineMode" label={t('catalog.editor.onlineMode')}>
          <Select allowClear placeholder={t('catalog.onlineModes.unknown')} options={ONLINE_MODES.map((m) => ({ value: m, label: t(`catalog.onlineModes.${m}`) }))} />
        </Form.Item>
        <Form.Item name="onTheSpot" valuePropName="checked">
          <Checkbox data-testid="on-the-spot">{t('catalog.onTheSpot')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="implementingUnitIds" label={t('catalog.editor.implementingUnits')}>
          <OrgUnitTreeSelect multiple placeholder={t('catalog.editor.implementingUnitsPlaceholder')} data-testid="implementing-units" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="applicants" label={t('catalog.editor.applicants')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="results" label={t('catalog.editor.results')} extra={t('catalog.editor.resultsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} />
        </Form.Item>
      </Col>
    </Row>
  );
}
