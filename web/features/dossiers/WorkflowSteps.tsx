import { Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWorkingDuration } from './dossiers.format';
import type { DossierDetail } from './dossiers.types';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const CLASS_COLOR = { early: 'cyan', 'on-time': 'green', late: 'red' } as const;

/** Status of each template step from the dossier's state and current step. */
export function stepStatuses(d: Pick<DossierDetail, 'state' | 'currentStep' | 'workflow'>): StepStatus[] {
  return d.workflow.map((s) => {
    if (d.state === 'RETURNED') return 'finish';
    if (d.state === 'DONE') return s.isReturnStep ? 'process' : 'finish';
    if (s.index < d.currentStep) return 'finish';
    if (s.index === d.currentStep) return d.state === 'WITHDRAWN' || d.state === 'STOPPED' ? 'error' : 'process';
    return 'wait';
  });
}

/** The workflow: each step's unit, role and budget (working time), and who holds the dossier now. */
export function WorkflowSteps({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const statuses = stepStatuses(d);
  // The active step for antd's styling; past the end when every step is finished.
  const active = statuses.findIndex((s) => s === 'process' || s === 'error');
  return (
    <Steps
      current={active === -1 ? d.workflow.length : active}
      orientation="vertical"
      size="small"
      data-testid="workflow-steps"
      items={d.workflow.map((s, i) => {
        const current = statuses[i] === 'process' || statuses[i] === 'error';
        // The step's result against its budget (Mẫu 06): the latest finished hand-over of this step.
        const finished = [...d.hops].reverse().find((h) => h.kind === 'step' && h.stepIndex === s.index && h.classification);
        return {
          key: s.index,
          status: statuses[i],
          title: (
            <span>
              {s.name}
              {s.isReturnStep ? (
                <Tag style={{ marginInlineStart: 8 }} color="default">
                  {t('dossiers.detail.returnStep')}
                </Tag>
              ) : null}
              {s.interAgency ? (
                <Tag style={{ marginInlineStart: 8 }} color="purple">
                  {t('dossiers.detail.interAgencyStep')}
                </Tag>
              ) : null}
            </span>
          ),
          content: (
            <div className="wrap-anywhere">
              <div>
                {s.unit.name} · {t(`identity.roles.${s.role}`, { defaultValue: s.role })}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.budgetMinutes !== null ? t('dossiers.detail.budget', { amount: formatWorkingDuration(t, s.budgetMinutes) }) : t('dossiers.detail.noBudget')}
              </Typography.Text>
              {finished?.classification ? (
                <Tag color={CLASS_COLOR[finished.classification]} style={{ marginInlineStart: 8, fontSize: 11 }}>
                  {t(`dossiers.classification.${finished.classification}`)}
                </Tag>
              ) : null}
              {current ? (
                <div data-testid="current-holder">
                  <Typography.Text strong>
                    {d.state === 'INTEROPERATING'
                      ? t('dossiers.detail.interoperatingAt', { unit: d.holder.unit.name, role: t(`identity.roles.${d.holder.role}`, { defaultValue: d.holder.role }) })
                      : t('dossiers.detail.heldBy', { unit: d.holder.unit.name, role: t(`identity.roles.${d.holder.role}`, { defaultValue: d.holder.role }) })}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
