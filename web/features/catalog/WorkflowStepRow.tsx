import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OrgUnitTreeSelect } from '../identity/OrgUnitTreeSelect';
import { STEP_UNIT_REFS, WORKFLOW_ROLES } from './catalog.types';

/** The part of the form values that decides whether the unit picker re-renders. */
type StepUnitValues = { workflow?: Array<{ unitRef?: string } | undefined> };

interface WorkflowStepRowProps {
  name: number;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** One step of the workflow template: name, where, who, time budget, inter-agency flag; move and remove buttons. */
export function WorkflowStepRow({ name, index, count, onMove, onRemove }: WorkflowStepRowProps) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.validation.required') }];
  return (
    <div data-testid={`step-${index}`} style={{ border: '1px solid #e5e7eb', borderRadius: 8, padding: 12, background: '#fafbfc' }}>
      <Flex gap={8} align="start">
        <Typography.Text strong style={{ lineHeight: '32px', minWidth: 24 }}>
          {index + 1}.
        </Typography.Text>
        <Form.Item name={[name, 'name']} rules={[{ ...required[0], whitespace: true }]} style={{ flex: 1, marginBottom: 8 }}>
          <Input aria-label={t('catalog.workflow.stepName')} placeholder={t('catalog.workflow.stepName')} maxLength={300} />
        </Form.Item>
        {/* `undefined` rather than `false`, so a read-only form still disables the buttons. */}
        <Tooltip title={t('catalog.workflow.moveUp')}>
          <Button icon={<ArrowUpOutlined />} aria-label={t('catalog.workflow.moveUp')} disabled={index === 0 ? true : undefined} onClick={() => onMove(index, index - 1)} />
        </Tooltip>
        <Tooltip title={t('catalog.workflow.moveDown')}>
          <Button
            icon={<ArrowDownOutlined />}
            aria-label={t('catalog.workflow.moveDown')}
            disabled={index === count - 1 ? true : undefined}
            onClick={() => onMove(index, index + 1)}
          />
        </Tooltip>
        <Tooltip title={t('catalog.workflow.remove')}>
          <Button icon={<DeleteOutlined />} aria-label={t('catalog.workflow.remove')} danger onClick={() => onRemove(name)} />
        </Tooltip>
      </Flex>
      <Flex gap={8} wrap align="start" style={{ paddingInlineStart: 32 }}>
        <Form.Item name={[name, 'unitRef']} label={t('catalog.workflow.unit')} rules={required} style={{ flex: '1 1 200px', marginBottom: 8 }}>
          <Select options={STEP_UNIT_REFS.map((r) => ({ value: r, label: t(`catalog.unitRefs.${r}`) }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(prev: StepUnitValues, next: StepUnitValues) => prev.workflow?.[name]?.unitRef !== next.workflow?.[name]?.unitRef}>
          {({ getFieldValue }) =>
            getFieldValue(['workflow', name, 'unitRef']) === 'fixed' ? (
              <Form.Item name={[name, 'orgUnitId']} label={t('catalog.workflow.fixedUnit')} rules={required} style={{ flex: '2 1 240px', marginBottom: 8 }}>
                <OrgUnitTreeSelect />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name={[name, 'role']} label={t('catalog.workflow.role')} rules={required} style={{ flex: '1 1 180px', marginBottom: 8 }}>
          <Select options={WORKFLOW_ROLES.map((r) => ({ value: r, label: t(`identity.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('catalog.workflow.budget')} style={{ flex: '1 1 220px', marginBottom: 8 }}>
          <Flex gap={4}>
            <Form.Item name={[name, 'budgetValue']} noStyle>
              <InputNumber aria-label={t('catalog.workflow.budget')} min={0} max={1000} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name={[name, 'budgetUnit']} noStyle>
              <Select
                aria-label={t('catalog.workflow.budgetUnit')}
                style={{ flex: 1, minWidth: 130 }}
                options={[
                  { value: 'working-days', label: t('catalog.units.working-days') },
                  { value: 'working-hours', label: t('catalog.units.working-hours') },
                ]}
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name={[name, 'interAgency']} valuePropName="checked" label=" " colon={false} style={{ flex: '0 1 auto', marginBottom: 8 }}>
          <Checkbox>{t('catalog.workflow.interAgency')}</Checkbox>
        </Form.Item>
      </Flex>
    </div>
  );
}
