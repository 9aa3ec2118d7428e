import { useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_INDICATOR_BREAKDOWNS,
  type CommitmentIndicators,
  type FeedbackIndicatorBreakdownBy,
  type FeedbackIndicators,
} from '../../../contracts/dashboards/dashboards.contracts';
import { CountsTable } from './CountsTable';
import { useCommitmentIndicators, useFeedbackIndicators, type IndicatorFilter } from './dashboards.api';

type Row = FeedbackIndicators['rows'][number];
const COUNTS = ['received', 'answered', 'answeredOnTime', 'answeredLate', 'open', 'openOverdue', 'outOfScope', 'rated', 'satisfied'] as const;
const RATES = ['onTimeRate', 'satisfactionRate'] as const;

/**
 * Feedback and petitions of the page's unit and period (issue 14 item 6): received, answered on time and late, open
 * past due, out of scope and satisfaction, split by unit, channel, procedure or kind, with the definition shown.
 */
export function FeedbackIndicatorsPanel({ filter }: { filter: IndicatorFilter }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<FeedbackIndicatorBreakdownBy>('unit');
  const query = useFeedbackIndicators(filter, by);
  return (
    <Flex vertical gap={12} data-testid="feedback-indicators">
      {/* A select, not a segmented control: four long labels do not fit a phone's width. */}
      <Flex align="center" gap={8} wrap>
        <label htmlFor="feedback-indicators-by">{t('dashboards.feedback.byLabel')}</label>
        <Select<FeedbackIndicatorBreakdownBy>
          id="feedback-indicators-by"
          value={by}
          onChange={setBy}
          style={{ minWidth: 200, maxWidth: '100%' }}
          options={FEEDBACK_INDICATOR_BREAKDOWNS.map((b) => ({ value: b, label: t(`dashboards.feedback.by.${b}`) }))}
          data-testid="feedback-indicators-by"
        />
      </Flex>
      <CountsTable<Row>
        error={query.error}
        pending={query.isPending}
        data={query.data}
        rowKey={(r) => r.key}
        first={{ key: 'label', dataIndex: 'label', title: t(`dashboards.feedback.by.${by}`), fixed: 'left', width: 240 }}
        counts={COUNTS}
        rates={RATES}
        title={(key) => t(`dashboards.feedback.col.${key}`)}
        emptyText={t('dashboards.feedback.empty')}
        scrollX={1200}
        testId="feedback-indicators"
      />
    </Flex>
  );
}

type CommitmentRow = CommitmentIndicators['items'][number];
const COMMITMENT_COUNTS = ['total', 'doneOnTime', 'doneLate', 'open', 'openOverdue', 'cancelled'] as const;

/** Commitments made at dialogues and owned by the page's unit (or its subtree), by owner unit: kept on time or late. */
export function CommitmentIndicatorsPanel({ filter }: { filter: IndicatorFilter }) {
  const { t } = useTranslation();
  const query = useCommitmentIndicators(filter);
  return (
    <Flex vertical gap={12} data-testid="commitment-indicators">
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('dashboards.commitments.title')}
      </Typography.Title>
      <CountsTable<CommitmentRow>
        error={query.error}
        pending={query.isPending}
        data={query.data && { ...query.data, rows: query.data.items }}
        rowKey={(r) => r.unit.id}
        first={{ key: 'unit', title: t('dashboards.commitments.unit'), fixed: 'left', width: 240, render: (_, r) => r.unit.name }}
        counts={COMMITMENT_COUNTS}
        rates={['onTimeRate']}
        title={(key) => t(`dashboards.commitments.col.${key}`)}
        emptyText={t('dashboards.commitments.empty')}
        scrollX={900}
        testId="commitment-indicators"
      />
    </Flex>
  );
}
