import { useState } from 'react';
import { Alert, Checkbox, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { usePagerLabels } from '../../ui/usePaging';
import { formatShare } from '../../ui/text';
import { DIALOGUE_COMMITMENT_STATES } from '../../../contracts/dialogues/dialogues.values';
import type { DialogueCommitmentState } from '../../../contracts/dialogues/dialogues.contracts';
import { useCommitmentStats, usePublicCommitments, usePublicSessions } from './dialogues.api';
import { PublicCommitmentItem } from './PublicCommitmentItem';
import { PublicSessionCard } from './PublicSessionCard';

const PAGE_SIZE = 10;

/** One list of sessions (upcoming or held), a page at a time, under its section's heading. */
function Sessions({ when }: { when: 'upcoming' | 'past' }) {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  const [page, setPage] = useState(1);
  const { data, isPending, error } = usePublicSessions({ when, page, pageSize: PAGE_SIZE });
  const headingId = `dialogues-${when}`;
  let body;
  if (isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (error) body = <Alert type="error" showIcon title={t('common.errors.loadFailed')} description={error.message} />;
  else if (data.items.length === 0)
    body = <Typography.Text type="secondary">{t(when === 'upcoming' ? 'dialogues.public.upcomingEmpty' : 'dialogues.public.pastEmpty')}</Typography.Text>;
  else {
    body = (
      <Flex vertical gap={12}>
        {data.items.map((s) => (
          <PublicSessionCard key={s.id} s={s} accepting={when === 'upcoming'} />
        ))}
        {data.total > PAGE_SIZE ? <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} itemRender={itemRender} showSizeChanger={false} /> : null}
      </Flex>
    );
  }
  return (
    <section aria-labelledby={headingId} data-testid={`public-sessions-${when}`}>
      <h2 id={headingId} style={{ fontSize: 20, margin: '0 0 12px' }}>
        {t(when === 'upcoming' ? 'dialogues.public.upcoming' : 'dialogues.public.past')}
      </h2>
      {body}
    </section>
  );
}

/** The numbers of commitments kept on time, with how they are counted. */
function Stats() {
  const { t } = useTranslation();
  const { data } = useCommitmentStats();
  if (!data) return null;
  const s = data.total;
  return (
    <Typography.Paragraph data-testid="public-commitment-stats">
      {t('dialogues.public.stats', { onTime: s.doneOnTime, done: s.doneOnTime + s.doneLate, rate: formatShare(s.onTimeRate), open: s.open, overdue: s.openOverdue })}{' '}
      <Typography.Text type="secondary">
        ({t('dialogues.public.statsDefinition')}: {data.definition})
      </Typography.Text>
    </Typography.Paragraph>
  );
}

type StateFilter = DialogueCommitmentState | 'all';

/** The commitments made at the sessions and their progress, filtered by state and overdue, a page at a time. */
function Commitments() {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<StateFilter>('all');
  const [overdue, setOverdue] = useState(false);
  const { data, isPending, error } = usePublicCommitments({ state: state === 'all' ? undefined : state, overdue: overdue ? true : undefined, page, pageSize: PAGE_SIZE });
  let body;
  if (isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (error) body = <Alert type="error" showIcon title={t('common.errors.loadFailed')} description={error.message} />;
  else if (data.items.length === 0) body = <Typography.Text type="secondary">{t('dialogues.public.commitmentsEmpty')}</Typography.Text>;
  else {
    body = (
      <Flex vertical gap={12}>
        {data.items.map((c) => (
          <PublicCommitmentItem key={c.id} c={c} showSession />
        ))}
        {data.total > PAGE_SIZE ? <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} itemRender={itemRender} showSizeChanger={false} /> : null}
      </Flex>
    );
  }
  return (
    <section aria-labelledby="dialogues-commitments" data-testid="public-commitments">
      <h2 id="dialogues-commitments" style={{ fontSize: 20, margin: '0 0 8px' }}>
        {t('dialogues.public.commitments')}
      </h2>
      <Typography.Paragraph type="secondary">{t('dialogues.public.commitmentsIntro')}</Typography.Paragraph>
      <Stats />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<StateFilter>
          aria-label={t('dialogues.public.filterState')}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('dialogues.public.allStates') },
            ...DIALOGUE_COMMITMENT_STATES.map((s) => ({ value: s, label: t(`dialogues.commitmentStates.${s}`) })),
          ]}
          data-testid="public-commitment-state"
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
          data-testid="public-commitment-overdue"
        >
          {t('dialogues.public.overdueOnly')}
        </Checkbox>
      </Flex>
      {body}
    </section>
  );
}

/**
 * `/doi-thoai`: government–citizen dialogue on the portal (issue 14 item 5) — the sessions coming up (taking
 * questions), the sessions held, and the commitments made there with their progress and how many were kept on time.
 */
export function PublicDialoguesPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={28} style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <div>
        <PageTitle style={{ marginBottom: 8 }}>{t('dialogues.public.title')}</PageTitle>
        <Typography.Text type="secondary">{t('dialogues.public.subtitle')}</Typography.Text>
      </div>
      <Sessions when="upcoming" />
      <Sessions when="past" />
      <Commitments />
    </Flex>
  );
}
