import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Segmented, Skeleton, Table, Timeline, Typography } from 'antd';
import { CheckOutlined, HistoryOutlined, LineChartOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormModal } from '../../ui/FormModal';
import { PageHeader } from '../../ui/PageHeader';
import { usePaging } from '../../ui/usePaging';
import { DIALOGUE_COMMITMENT_STATES, DIALOGUE_LIMITS as L } from '../../../contracts/dialogues/dialogues.values';
import type { Commitment, DialogueCommitmentState } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { CommitmentStatus } from './CommitmentStatus';
import { DIALOGUE_PATHS, useCommitment, useCommitmentAction, useCommitments } from './dialogues.api';
import { PlainText } from './PlainText';
import { TextPromptModal } from './TextPromptModal';
import { UnitTreeSelect } from './UnitTreeSelect';

type StateFilter = DialogueCommitmentState | 'all';
type Dialog = { kind: 'progress' | 'complete' | 'cancel' | 'history'; c: Commitment } | null;

interface ProgressValues {
  percent?: number | null;
  note?: string;
}

/** Reports how far a commitment is: a percentage and a note, both public. */
function ProgressModal({ c, onClose }: { c: Commitment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const action = useCommitmentAction();
  useEffect(() => {
    if (c) form.resetFields();
  }, [c, form]);
  return (
    <FormModal<ProgressValues>
      open={c !== null}
      title={t('dialogues.admin.commitments.progressTitle')}
      form={form}
      name="dialogue-progress"
      onClose={onClose}
      initialValues={{ percent: c?.progressPercent ?? 0 }}
      onSubmit={async (v) => {
        await action.mutateAsync({ commitmentId: c!.id, path: 'progress', body: { version: c!.version, percent: v.percent ?? 0, note: (v.note ?? '').trim() } });
        void message.success(t('dialogues.admin.commitments.progressSaved'));
      }}
      testId="commitment-progress-form"
    >
      {c ? <PlainText>{c.text}</PlainText> : null}
      <Form.Item
        name="percent"
        label={t('dialogues.admin.commitments.percent')}
        rules={[{ required: true, message: t('dialogues.admin.form.required') }]}
        style={{ marginTop: 12 }}
      >
        <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} data-testid="commitment-progress-percent" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('dialogues.admin.commitments.note')}
        rules={[{ required: true, whitespace: true, min: L.noteMin, message: t('dialogues.admin.commitments.noteRequired') }, { max: L.noteMax }]}
      >
        <Input.TextArea rows={4} maxLength={L.noteMax} showCount data-testid="commitment-progress-note" />
      </Form.Item>
    </FormModal>
  );
}

/** A commitment's question, answer and history, read when opened. */
function HistoryModal({ c, onClose }: { c: Commitment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, isPending } = useCommitment(c?.id ?? null);
  return (
    <Modal open={c !== null} title={t('dialogues.admin.commitments.historyTitle')} onCancel={onClose} footer={null} destroyOnHidden width={720} data-testid="commitment-history">
      {isPending || !data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text strong>{t('dialogues.admin.commitments.question')}</Typography.Text>
            <PlainText>{data.question.text}</PlainText>
          </div>
          {data.question.answer ? (
            <div>
              <Typography.Text strong>{t('dialogues.admin.commitments.answer')}</Typography.Text>
              <PlainText>{data.question.answer}</PlainText>
            </div>
          ) : null}
          <Timeline
            items={data.history.map((h, i) => ({
              key: i,
              content: (
                <div className="wrap-anywhere">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatInstant(h.at)}
                    {h.actorLabel ? ` · ${h.actorLabel}` : ''}
                  </Typography.Text>
                  <div>{h.text}</div>
                </div>
              ),
            }))}
          />
        </Flex>
      )}
    </Modal>
  );
}

/**
 * `/admin/commitments`: the commitments made at dialogue sessions that the officer's units owe or organised (the
 * province's for its readers), open ones soonest due first with overdue ones marked; the owner unit reports progress
 * and completes them, the organisers may withdraw one. `?session=<id>` narrows the list to one session.
 */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session') ?? undefined;
  const [state, setState] = useState<StateFilter>('OPEN');
  const [overdue, setOverdue] = useState(false);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const { page, pageSize, restart, filtered, pagination } = usePaging();
  const { data, isFetching } = useCommitments({ state: state === 'all' ? undefined : state, overdue: overdue ? true : undefined, unitId, sessionId, page, pageSize });
  const action = useCommitmentAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = (kind: NonNullable<Dialog>['kind']) => dialog?.kind === kind;

  return (
    <>
      <PageHeader title={t('dialogues.admin.commitments.title')} subtitle={t('dialogues.admin.commitments.subtitle')} />
      <Card size="small">
        <Flex wrap gap={12} style={{ marginBottom: 12 }} align="center">
          <Segmented<StateFilter>
            aria-label={t('dialogues.admin.commitments.filterState')}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={state}
            onChange={filtered(setState)}
            options={[
              ...DIALOGUE_COMMITMENT_STATES.map((s) => ({ value: s, label: t(`dialogues.commitmentStates.${s}`) })),
              { value: 'all', label: t('dialogues.admin.commitments.allStates') },
            ]}
            data-testid="commitments-state"
          />
          <Checkbox checked={overdue} onChange={(e) => filtered(setOverdue)(e.target.checked)} data-testid="commitments-overdue">
            {t('dialogues.admin.commitments.overdueOnly')}
          </Checkbox>
          <div style={{ width: 280, maxWidth: '100%' }}>
            <UnitTreeSelect
              scope="all"
              allowClear
              value={unitId}
              onChange={filtered(setUnitId)}
              placeholder={t('dialogues.admin.commitments.allUnits')}
              aria-label={t('dialogues.admin.commitments.unit')}
              testId="commitments-unit"
            />
          </div>
          {sessionId ? (
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('dialogues.admin.commitments.sessionFilter')}</Typography.Text>
              <Button
                size="small"
                onClick={() => {
                  const next = new URLSearchParams(params);
                  next.delete('session');
                  setParams(next, { replace: true });
                  restart();
                }}
                data-testid="commitments-clear-session"
              >
                {t('dialogues.admin.commitments.clearSession')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
        <Table<Commitment>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={pagination(data?.total ?? 0)}
          locale={{ emptyText: t('dialogues.admin.commitments.empty') }}
          data-testid="commitments-table"
          columns={[
            {
              title: t('dialogues.admin.commitments.colText'),
              key: 'text',
              width: 340,
              render: (_: unknown, c) => (
                <Flex vertical gap={2}>
                  <Typography.Text strong className="wrap-anywhere" data-testid={`commitment-text-${c.id}`}>
                    {c.text}
                  </Typography.Text>
                  <Link to={DIALOGUE_PATHS.adminSession(c.session.id)} className="wrap-anywhere">
                    {c.session.title}
                  </Link>
                </Flex>
              ),
            },
            { title: t('dialogues.admin.commitments.colOwner'), key: 'owner', width: 200, render: (_: unknown, c) => <span className="wrap-anywhere">{c.ownerUnit.name}</span> },
            { title: t('dialogues.admin.commitments.colDue'), key: 'due', width: 300, render: (_: unknown, c) => <CommitmentStatus c={c} testId={`commitment-status-${c.id}`} /> },
            {
              title: t('common.table.actions'),
              key: 'actions',
              width: 230,
              render: (_: unknown, c) => (
                <Flex gap={6} wrap>
                  {c.actions.progress ? (
                    <Button size="small" icon={<LineChartOutlined aria-hidden />} onClick={() => setDialog({ kind: 'progress', c })} data-testid={`commitment-progress-${c.id}`}>
                      {t('dialogues.admin.commitments.progress')}
                    </Button>
                  ) : null}
                  {c.actions.complete ? (
                    <Button
                      size="small"
                      type="primary"
                      icon={<CheckOutlined aria-hidden />}
                      onClick={() => setDialog({ kind: 'complete', c })}
                      data-testid={`commitment-complete-${c.id}`}
                    >
                      {t('dialogues.admin.commitments.complete')}
                    </Button>
                  ) : null}
                  {c.actions.cancel ? (
                    <Button size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog({ kind: 'cancel', c })} data-testid={`commitment-cancel-${c.id}`}>
                      {t('dialogues.admin.commitments.cancel')}
                    </Button>
                  ) : null}
                  <Button size="small" icon={<HistoryOutlined aria-hidden />} onClick={() => setDialog({ kind: 'history', c })} data-testid={`commitment-history-${c.id}`}>
                    {t('dialogues.admin.commitments.history')}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <ProgressModal c={open('progress') ? dialog!.c : null} onClose={() => setDialog(null)} />
      <TextPromptModal
        open={open('complete')}
        title={t('dialogues.admin.commitments.completeTitle')}
        label={t('dialogues.admin.commitments.note')}
        name="note"
        min={L.noteMin}
        max={L.noteMax}
        requiredMessage={t('dialogues.admin.commitments.noteRequired')}
        onClose={() => setDialog(null)}
        onSubmit={(note) =>
          action
            .mutateAsync({ commitmentId: dialog!.c.id, path: 'complete', body: { version: dialog!.c.version, note } })
            .then(() => void message.success(t('dialogues.admin.commitments.completed')))
        }
        okText={t('dialogues.admin.commitments.complete')}
        testId="commitment-complete-form"
        inputTestId="commitment-complete-note"
      />
      <TextPromptModal
        open={open('cancel')}
        title={t('dialogues.admin.commitments.cancelTitle')}
        label={t('dialogues.admin.commitments.reason')}
        name="reason"
        min={L.noteMin}
        max={L.noteMax}
        requiredMessage={t('dialogues.admin.commitments.noteRequired')}
        onClose={() => setDialog(null)}
        onSubmit={(reason) =>
          action
            .mutateAsync({ commitmentId: dialog!.c.id, path: 'cancel', body: { version: dialog!.c.version, reason } })
            .then(() => void message.success(t('dialogues.admin.commitments.cancelled')))
        }
        okText={t('dialogues.admin.commitments.cancel')}
        okDanger
        testId="commitment-cancel-form"
        inputTestId="commitment-cancel-reason"
      />
      <HistoryModal c={open('history') ? dialog!.c : null} onClose={() => setDialog(null)} />
    </>
  );
}
