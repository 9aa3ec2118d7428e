import { useState, type ReactNode } from 'react';
import { Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgUnitTreeSelect } from '../identity/OrgUnitTreeSelect';
import { useTransition } from './dossiers.api';
import { RESULT_DELIVERIES, type DossierDetail, type TransitionName } from './dossiers.types';
import { ActionModal } from './ActionModal';
import { DANGEROUS_TRANSITIONS, toTransitionRequest, type TransitionFormValues } from './transition-form';

interface TransitionModalProps {
  dossier: DossierDetail;
  transition: TransitionName | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/** Server field names that the dialog calls differently. */
const RENAME: Partial<Record<TransitionName, Record<string, string>>> = {
  'return-to-step': { note: 'reason' },
  transfer: { budgetMinutes: 'budgetAmount' },
};

/** What the dialog says will happen, with the step or unit it goes to. */
function useHint(d: DossierDetail, transition: TransitionName): string {
  const { t } = useTranslation();
  const next = d.workflow[d.currentStep + 1];
  switch (transition) {
    case 'forward':
      return next ? t('dossiers.hints.forward', { step: next.name, unit: next.unit.name }) : '';
    case 'approve':
      return next && !next.isReturnStep
        ? t('dossiers.hints.approveNext', { step: next.name, unit: next.unit.name })
        : t('dossiers.hints.approveDone', { unit: d.receivingUnit.name });
    default:
      return t(`dossiers.hints.${transition}`, { unit: d.receivingUnit.name, holder: d.holder.unit.name });
  }
}

/** One dialog for every status change; the fields depend on the transition (docs/api-plan-dossiers.md). */
export function TransitionModal({ dossier: d, transition, onClose, onReload }: TransitionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransitionFormValues>();
  const mutation = useTransition(d.id);
  // While the dialog fades out its transition is already null: keep showing the one it was opened for.
  // Adjusted during render (not in an effect) so the dialog never renders once with the stale name.
  const [last, setLast] = useState<TransitionName>('forward');
  if (transition && transition !== last) setLast(transition);
  const name = transition ?? last;
  const hint = useHint(d, name);
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  const initialValues: TransitionFormValues = {
    stepIndex: Math.max(0, d.currentStep - 1),
    role: 'specialist',
    budgetAmount: 1,
    budgetUnit: 'working-days',
    method: d.resultDelivery,
    receivedBy: d.applicant.name,
  };

  const reasonField = (label: string) => (
    <Form.Item name="reason" label={label} rules={required(t('dossiers.form.reasonRequired'))}>
      <Input.TextArea rows={2} maxLength={4000} autoFocus />
    </Form.Item>
  );

  const noteField = (autoFocus: boolean) => (
    <Form.Item name="note" label={t('dossiers.form.note')}>
      <Input.TextArea rows={2} maxLength={4000} autoFocus={autoFocus} />
    </Form.Item>
  );

  let fields: ReactNode;
  switch (name) {
    case 'return-to-step':
      fields = (
        <>
          <Form.Item name="stepIndex" label={t('dossiers.form.stepIndex')} rules={[{ required: true }]}>
            <Select options={d.workflow.filter((s) => s.index < d.currentStep).map((s) => ({ value: s.index, label: `${s.index + 1}. ${s.name} — ${s.unit.name}` }))} />
          </Form.Item>
          {reasonField(t('dossiers.form.returnReason'))}
        </>
      );
      break;
    case 'request-supplement':
      fields = (
        <>
          <Form.Item name="items" label={t('dossiers.form.items')} extra={t('dossiers.intake.onePerLine')} rules={required(t('dossiers.form.itemsRequired'))}>
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
          <Form.Item name="reason" label={t('dossiers.form.reason')} rules={required(t('dossiers.form.reasonRequired'))}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      );
      break;
    case 'request-payment':
      fields = (
        <>
          <Form.Item name="amountVnd" label={t('dossiers.form.amountVnd')}>
            <InputNumber<number> min={0} precision={0} suffix="đ" style={{ width: 220 }} autoFocus />
          </Form.Item>
          <Form.Item name="reason" label={t('dossiers.form.paymentReason')} rules={required(t('dossiers.form.reasonRequired'))}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      );
      break;
    case 'transfer':
      fields = (
        <>
          <Form.Item name="toUnitId" label={t('dossiers.form.toUnit')} rules={[{ required: true, message: t('dossiers.form.toUnitRequired') }]}>
            <OrgUnitTreeSelect allowClear={false} disabledIds={[d.holder.unit.id]} data-testid="transfer-unit" />
          </Form.Item>
          <Form.Item name="role" label={t('dossiers.form.toRole')}>
            <Radio.Group
              name="transfer-role"
              options={[
                { value: 'specialist', label: t('identity.roles.specialist') },
                { value: 'leader', label: t('identity.roles.leader') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('dossiers.form.subDeadline')} extra={t('dossiers.form.subDeadlineHint')} required>
            <Space.Compact>
              <Form.Item name="budgetAmount" noStyle rules={[{ required: true, message: t('dossiers.form.subDeadlineRequired') }]}>
                <InputNumber<number> min={0.5} max={1000} step={1} style={{ width: 120 }} aria-label={t('dossiers.form.subDeadline')} />
              </Form.Item>
              <Form.Item name="budgetUnit" noStyle>
                <Select
                  style={{ width: 180 }}
                  aria-label={t('dossiers.form.subDeadlineUnit')}
                  options={[
                    { value: 'working-days', label: t('catalog.units.working-days') },
                    { value: 'working-hours', label: t('catalog.units.working-hours') },
                  ]}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {noteField(false)}
        </>
      );
      break;
    case 'return-result':
      fields = (
        <>
          <Form.Item name="method" label={t('dossiers.form.method')}>
            <Radio.Group name="return-method" options={RESULT_DELIVERIES.map((r) => ({ value: r, label: t(`dossiers.delivery.${r}`) }))} />
          </Form.Item>
          <Form.Item name="receivedBy" label={t('dossiers.form.receivedBy')} rules={required(t('dossiers.form.receivedByRequired'))}>
            <Input maxLength={300} autoFocus />
          </Form.Item>
          {noteField(false)}
        </>
      );
      break;
    case 'stop':
      fields = reasonField(t('dossiers.form.stopReason'));
      break;
    case 'withdraw':
      fields = reasonField(t('dossiers.form.withdrawReason'));
      break;
    default:
      fields = noteField(true);
  }

  return (
    <ActionModal<TransitionFormValues>
      name="transition"
      open={transition !== null}
      title={t(`dossiers.transition.${name}`)}
      form={form}
      onClose={onClose}
      onReload={onReload}
      // Reads the version at submit time: after a reload the retry carries the fresh one.
      onSubmit={(values) => mutation.mutateAsync(toTransitionRequest(name, d.version, values))}
      okText={t(`dossiers.transition.${name}`)}
      okDanger={DANGEROUS_TRANSITIONS.has(name)}
      initialValues={initialValues}
      rename={RENAME[name]}
      testId="transition-modal"
    >
      {hint ? (
        <Typography.Paragraph type="secondary" className="wrap-anywhere">
          {hint}
        </Typography.Paragraph>
      ) : null}
      {fields}
    </ActionModal>
  );
}
