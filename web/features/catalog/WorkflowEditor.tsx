import { Alert, Button, Flex, Form, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { blankStep, budgetToMinutes, type StepValues } from './procedure-form';
import { MINUTES_PER_WORKING_DAY } from './catalog.types';
import { WorkflowStepRow } from './WorkflowStepRow';

function TotalBudget() {
  const { t } = useTranslation();
  const steps = Form.useWatch<StepValues[] | undefined>('workflow');
  const minutes = (steps ?? []).reduce((sum, s) => sum + (budgetToMinutes(s?.budgetValue, s?.budgetUnit ?? 'working-days') ?? 0), 0);
  if (!steps?.length) return null;
  const days = Math.round((minutes / MINUTES_PER_WORKING_DAY) * 100) / 100;
  return <Typography.Text type="secondary">{t('catalog.workflow.total', { days: days.toLocaleString(t('common.numberLocale')) })}</Typography.Text>;
}

/** The ordered steps of the procedure's workflow template, with add / remove / move up / move down. */
export function WorkflowEditor({ isNew }: { isNew: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="workflow">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 && isNew ? <Alert type="info" showIcon title={t('catalog.workflow.defaultHint')} /> : null}
          {fields.map((field, index) => (
            <WorkflowStepRow key={field.key} name={field.name} index={index} count={fields.length} onMove={move} onRemove={remove} />
          ))}
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blankStep())} data-testid="add-step">
              {t('catalog.workflow.addStep')}
            </Button>
            <TotalBudget />
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}
