import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Skeleton, Space, Typography, type RefSelectProps } from 'antd';
import { CheckOutlined, CloseCircleOutlined, FileExclamationOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { looselyIncludes } from '../../ui/text';
import { usePublicProcedure } from '../catalog/catalog.api';
import { formatDuration, formatVnd } from '../catalog/format';
import { CHANNELS, DURATION_UNITS, type Channel, type PublicProcedure } from '../catalog/catalog.types';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import type { OrgUnitNode } from '../identity/identity.types';
import { useIntake } from './dossiers.api';
import { FEE_PAYMENT_METHODS, RESULT_DELIVERIES, type FeePaymentMethod, type IntakeResponse } from './dossiers.types';
import { ApplicantFields } from './ApplicantFields';
import { SubmitterFields } from './SubmitterFields';
import { ChecklistFields } from './ChecklistFields';
import { IntakeDecisionModal } from './IntakeDecisionModal';
import { IntakeOutcome } from './IntakeOutcome';
import { ProcedurePicker } from './ProcedurePicker';
import {
  feeForChannel,
  initialChecklist,
  missingDocuments,
  needsDuration,
  nothingKept,
  timeForChannel,
  toIntakeRequest,
  type ChecklistRow,
  type IntakeDecisionValues,
  type IntakeFormValues,
} from './intake-form';

const INITIAL: Partial<IntakeFormValues> = {
  applicant: { kind: 'person', name: '', idNumber: '' },
  checklist: [],
  conditions: [],
  channel: 'direct',
  resultDelivery: 'desk',
  feeVnd: 0,
  duration: { unit: 'working-days' },
};

/** Ids of a unit and its ancestors in the tree (nearest first); empty when the unit is not in it. */
function lineage(nodes: readonly OrgUnitNode[], id: string): string[] {
  for (const n of nodes) {
    if (n.id === id) return [n.id];
    const below = lineage(n.children, id);
    if (below.length > 0) return [...below, n.id];
  }
  return [];
}

/** The handling agency to preselect: the implementing unit the desk belongs to (a commune's own centre), if any. */
function defaultHandlingUnit(procedure: PublicProcedure, deskLineage: readonly string[]): string | undefined {
  if (procedure.implementingUnits.length === 1) return procedure.implementingUnits[0]!.id;
  return deskLineage.find((id) => procedure.implementingUnits.some((u) => u.id === id));
}

/** Fields checked before a guide or a refusal (no handling agency or duration is needed then). */
const DECISION_FIELDS = [['procedureCode'], ['applicant', 'kind'], ['applicant', 'name'], ['applicant', 'idNumber'], ['applicant', 'phone'], ['applicant', 'email']];

/**
 * Desk intake (§3.1 steps 1–2) built for the keyboard: the procedure search has the focus, Tab walks the applicant,
 * the checklist (Space ticks; originals, certified copies, copies), the fee and how it was paid, Ctrl+Enter accepts;
 * the receipt button then has the focus.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const { data: me } = useMe();
  const { data: tree } = useOrgUnitTree();
  const [form] = Form.useForm<IntakeFormValues>();
  const pickerRef = useRef<RefSelectProps>(null);
  const [procedureCode, setProcedureCode] = useState<string>();
  const { data: procedure, isFetching: loadingProcedure } = usePublicProcedure(procedureCode);
  const intake = useIntake();
  const [outcome, setOutcome] = useState<IntakeResponse | null>(null);
  // A new intake remounts the procedure search so no earlier query or result lingers.
  const [round, setRound] = useState(0);
  const [decision, setDecision] = useState<'guide' | 'refuse' | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [emptyTried, setEmptyTried] = useState(false);
  const watchedChecklist: ChecklistRow[] | undefined = Form.useWatch('checklist', form);
  const watchedConditions: string[] | undefined = Form.useWatch('conditions', form);
  // Shown under the checklist after "accept" with nothing kept (the server refuses it too), and gone as soon as the officer ticks a paper (the checklist sets its
  // values programmatically, so the notice follows the watched values rather than change events).
  const emptyChecklist = emptyTried && nothingKept(watchedChecklist, watchedConditions);
  const channel: Channel = Form.useWatch('channel', form) ?? 'direct';
  const feeVnd: number = Form.useWatch('feeVnd', form) ?? 0;
  const receivingUnitId = Form.useWatch('receivingUnitId', form);

  const desks = useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of me?.grants ?? []) if (g.role === 'reception-officer' && !seen.has(g.orgUnitId)) seen.set(g.orgUnitId, g.orgUnitName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me]);
  const desk = desks.find((d) => d.id === receivingUnitId) ?? desks[0];
  const deskLineage = useMemo(() => (tree && desk ? lineage(tree.items, desk.id) : []), [tree, desk]);

  useEffect(() => {
    if (desks.length > 0 && !form.getFieldValue('receivingUnitId')) form.setFieldValue('receivingUnitId', desks[0]!.id);
  }, [desks, form]);

  // A newly picked procedure brings its checklist, fee and handling agency.
  useEffect(() => {
    if (!procedure || procedure.code !== procedureCode) return;
    form.setFieldsValue({
      checklist: initialChecklist(procedure),
      conditions: [],
      feeVnd: feeForChannel(procedure.fees, (form.getFieldValue('channel') as Channel | undefined) ?? 'direct'),
      feePaymentMethod: undefined,
      handlingUnitId: defaultHandlingUnit(procedure, deskLineage),
    });
  }, [procedure, procedureCode, deskLineage, form]);

  const handlingUnitId = Form.useWatch('handlingUnitId', form);
  // A single implementing unit has no picker (the value is set, not registered): name it directly.
  const handlingName = procedure?.implementingUnits.length === 1 ? procedure.implementingUnits[0]!.name : procedure?.implementingUnits.find((u) => u.id === handlingUnitId)?.name;
  const withDuration = !!procedure && needsDuration(procedure, channel);
  const time = procedure ? timeForChannel(procedure.processingTimes, channel) : null;

  const focusFirstError = () => {
    const first = form.getFieldsError().find((f) => f.errors.length > 0);
    if (first) {
      form.scrollToField(first.name, { block: 'center' });
      form.focusField(first.name);
    }
  };

  const accept = async (returnNow = false) => {
    if (intake.isPending) return;
    const values = form.getFieldsValue(true) as IntakeFormValues;
    // Said first: nothing handed in is the one problem no other field can fix.
    const empty = (procedure?.requiredDocuments.length ?? 0) > 0 && nothingKept(values.checklist, values.conditions);
    setEmptyTried(empty);
    if (empty) return;
    try {
      await form.validateFields();
    } catch {
      focusFirstError();
      return;
    }
    try {
      setOutcome(await intake.mutateAsync(toIntakeRequest(procedureCode!, values, 'accept', withDuration, null, returnNow)));
    } catch (err) {
      showError(err, form);
    }
  };

  const openDecision = async (kind: 'guide' | 'refuse') => {
    try {
      await form.validateFields(DECISION_FIELDS);
    } catch {
      focusFirstError();
      return;
    }
    setMissing(missingDocuments(form.getFieldValue('checklist') as ChecklistRow[], (form.getFieldValue('conditions') as string[] | undefined) ?? [], t('dossiers.intake.or')));
    setDecision(kind);
  };

  const decide = async (values: IntakeDecisionValues) => {
    const all = form.getFieldsValue(true) as IntakeFormValues;
    const res = await intake.mutateAsync(toIntakeRequest(procedureCode!, all, decision!, false, values));
    setOutcome(res);
  };

  const startNew = () => {
    setOutcome(null);
    setEmptyTried(false);
    setProcedureCode(undefined);
    setRound((r) => r + 1);
    form.resetFields();
    form.setFieldValue('receivingUnitId', desk?.id);
    setTimeout(() => pickerRef.current?.focus(), 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !outcome && decision === null) {
      e.preventDefault();
      void accept();
    }
  };

  if (me && desks.length === 0) {
    return <Result status="403" title={t('dossiers.intake.notReceptionTitle')} subTitle={t('dossiers.intake.notReceptionText')} />;
  }

  return (
    <div onKeyDown={onKeyDown}>
      <PageHeader title={t('dossiers.intake.title')} subtitle={t('dossiers.intake.subtitle')} />
      {outcome ? <IntakeOutcome outcome={outcome} onNew={startNew} /> : null}
      <Form<IntakeFormValues> form={form} layout="vertical" initialValues={INITIAL} style={{ display: outcome ? 'none' : undefined }} data-testid="intake-form">
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card size="small" title={t('dossiers.intake.procedureSection')} style={{ marginBottom: 16 }}>
              <Form.Item name="procedureCode" label={t('dossiers.intake.procedure')} rules={[{ required: true, message: t('dossiers.intake.procedureRequired') }]}>
                <ProcedurePicker key={round} ref={pickerRef} autoFocus={!outcome} onChange={setProcedureCode} />
              </Form.Item>
              {procedure && procedure.implementingUnits.length > 1 ? (
                <Form.Item name="handlingUnitId" label={t('dossiers.fields.handlingUnit')} rules={[{ required: true, message: t('dossiers.intake.handlingUnitRequired') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('dossiers.intake.handlingUnitPlaceholder')}
                    options={procedure.implementingUnits.map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
              ) : null}
            </Card>
            <Card size="small" title={t('dossiers.intake.applicantSection')} style={{ marginBottom: 16 }}>
              <ApplicantFields />
            </Card>
            <Card
              size="small"
              title={t('dossiers.intake.checklistSection')}
              extra={<Typography.Text type="secondary">{t('dossiers.intake.checklistHint')}</Typography.Text>}
              style={{ marginBottom: 16 }}
            >
              {loadingProcedure ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : procedure ? (
                <ChecklistFields groups={procedure.documentGroups} />
              ) : (
                <Typography.Text type="secondary">{t('dossiers.intake.pickProcedureFirst')}</Typography.Text>
              )}
              {emptyChecklist ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('dossiers.intake.nothingKept')} data-testid="checklist-empty" /> : null}
            </Card>
            <Card size="small" title={t('dossiers.intake.feeSection')} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="feeVnd" label={t('dossiers.intake.fee')} extra={procedure?.feeText ?? undefined}>
                    <InputNumber<number>
                      min={0}
                      precision={0}
                      style={{ width: '100%' }}
                      suffix="đ"
                      formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
                      parser={(v) => Number((v ?? '').replace(/\D/g, '') || 0)}
                    />
                  </Form.Item>
                  {/* Asked only when a fee is taken (Mẫu 01 prints it under the fee); next in the Tab order after the fee. */}
                  {feeVnd > 0 ? (
                    <Form.Item
                      name="feePaymentMethod"
                      label={t('dossiers.intake.feePaymentMethod')}
                      rules={[{ required: true, message: t('dossiers.intake.feePaymentMethodRequired') }]}
                    >
                      <Select<FeePaymentMethod>
                        placeholder={t('dossiers.intake.feePaymentMethodPlaceholder')}
                        showSearch={{ filterOption: (input, option) => typeof option?.label === 'string' && looselyIncludes(option.label, input) }}
                        options={FEE_PAYMENT_METHODS.map((m) => ({ value: m, label: t(`dossiers.feePaymentMethods.${m}`) }))}
                        data-testid="fee-payment-method"
                      />
                    </Form.Item>
                  ) : null}
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name="channel" label={t('dossiers.intake.channel')}>
                    <Radio.Group
                      name="intake-channel"
                      onChange={(e) => procedure && form.setFieldValue('feeVnd', feeForChannel(procedure.fees, e.target.value as Channel))}
                      options={CHANNELS.map((c) => ({ value: c, label: t(`catalog.channels.${c}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name="resultDelivery" label={t('dossiers.intake.resultDelivery')}>
                    <Radio.Group name="intake-result-delivery" options={RESULT_DELIVERIES.map((r) => ({ value: r, label: t(`dossiers.delivery.${r}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              {withDuration ? (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('dossiers.intake.durationUnreadable', { text: time?.raw || procedure?.processingTimeText || '—' })}
                  />
                  <Space.Compact>
                    <Form.Item
                      name={['duration', 'amount']}
                      label={t('dossiers.intake.durationAmount')}
                      rules={[{ required: true, message: t('dossiers.intake.durationRequired') }]}
                    >
                      <InputNumber min={0.5} max={10000} step={1} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={['duration', 'unit']} label={t('dossiers.intake.durationUnit')}>
                      <Select style={{ width: 200 }} options={DURATION_UNITS.map((u) => ({ value: u, label: t(`catalog.units.${u}`) }))} />
                    </Form.Item>
                  </Space.Compact>
                </>
              ) : null}
              <Form.Item name="note" label={t('dossiers.intake.note')}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            </Card>
            <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
              <Button
                type="primary"
                size="large"
                icon={<CheckOutlined />}
                loading={intake.isPending && decision === null}
                onClick={() => void accept()}
                data-testid="intake-accept"
              >
                {t('dossiers.intake.accept')}
              </Button>
              {procedure?.onTheSpot ? (
                <Button size="large" icon={<ThunderboltOutlined />} onClick={() => void accept(true)} data-testid="intake-accept-return" title={t('dossiers.intake.onTheSpot')}>
                  {t('dossiers.intake.acceptAndReturn')}
                </Button>
              ) : null}
              <Button size="large" icon={<FileExclamationOutlined />} onClick={() => void openDecision('guide')} data-testid="intake-guide">
                {t('dossiers.intake.guide')}
              </Button>
              <Button size="large" danger icon={<CloseCircleOutlined />} onClick={() => void openDecision('refuse')} data-testid="intake-refuse">
                {t('dossiers.intake.refuse')}
              </Button>
              <Typography.Text type="secondary">{t('dossiers.intake.shortcut')}</Typography.Text>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={t('dossiers.intake.unitsSection')} style={{ marginBottom: 16 }}>
              {desks.length > 1 ? (
                <Form.Item name="receivingUnitId" label={t('dossiers.fields.receivingUnit')}>
                  <Select options={desks.map((d) => ({ value: d.id, label: d.name }))} />
                </Form.Item>
              ) : null}
              <Descriptions
                size="small"
                column={1}
                layout="vertical"
                items={[
                  ...(desks.length > 1 ? [] : [{ key: 'desk', label: t('dossiers.fields.receivingUnit'), children: <span data-testid="desk-unit">{desk?.name}</span> }]),
                  {
                    key: 'handling',
                    label: t('dossiers.fields.handlingUnit'),
                    children: procedure ? (
                      <span className="wrap-anywhere" data-testid="handling-units">
                        {handlingName ??
                          (procedure.implementingUnits.length > 1
                            ? t('dossiers.intake.chooseAmong', { count: procedure.implementingUnits.length })
                            : (procedure.implementingAgencyText ?? '—'))}
                      </span>
                    ) : (
                      <Typography.Text type="secondary">{t('dossiers.intake.pickProcedureFirst')}</Typography.Text>
                    ),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
                {t('dossiers.intake.unitsHint')}
              </Typography.Paragraph>
            </Card>
            {/* Rare at the desk: kept out of the keyboard path of the form (applicant → checklist → fee → note). */}
            <Card size="small" title={t('dossiers.intake.submitter.section')} style={{ marginBottom: 16 }}>
              <SubmitterFields />
            </Card>
            {procedure ? (
              <Card size="small" title={t('dossiers.intake.procedureInfo')} data-testid="procedure-info">
                <Descriptions
                  size="small"
                  column={1}
                  layout="vertical"
                  items={[
                    { key: 'name', label: t('dossiers.fields.procedure'), children: <span className="wrap-anywhere">{procedure.name}</span> },
                    { key: 'code', label: t('dossiers.fields.procedureCode'), children: procedure.code },
                    ...(procedure.field ? [{ key: 'field', label: t('dossiers.fields.field'), children: procedure.field }] : []),
                    {
                      key: 'time',
                      label: t('dossiers.fields.duration'),
                      children: (time && formatDuration(t, time.amount, time.unit)) ?? time?.raw ?? procedure.processingTimeText ?? '—',
                    },
                    { key: 'fee', label: t('dossiers.fields.fee'), children: procedure.feeText ?? formatVnd(t, feeForChannel(procedure.fees, channel)) ?? '—' },
                  ]}
                />
              </Card>
            ) : null}
          </Col>
        </Row>
      </Form>
      <IntakeDecisionModal kind={decision} missing={missing} onClose={() => setDecision(null)} onSubmit={decide} />
    </div>
  );
}
