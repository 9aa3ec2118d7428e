import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { PageHeader } from '../../ui/PageHeader';
import { usePaging } from '../../ui/usePaging';
import { DIALOGUE_SESSION_STATES } from '../../../contracts/dialogues/dialogues.values';
import type { DialogueSessionState, SessionSummary } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { DIALOGUE_PATHS, useSessions } from './dialogues.api';
import { SessionFormModal } from './SessionFormModal';
import { SessionStateTag } from './SessionStateTag';

/**
 * `/admin/dialogues`: the dialogue sessions the officer's units organise (the province's for its readers), latest
 * first, filtered by state; the organising units' specialists and leaders schedule new ones here.
 */
export function DialoguesAdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const canManage = hasAction(me?.actions, 'dialogues.manage');
  const [state, setState] = useState<DialogueSessionState | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const { page, pageSize, filtered, pagination } = usePaging();
  const { data, isFetching } = useSessions({ state, page, pageSize });

  return (
    <>
      <PageHeader
        title={t('dialogues.admin.list.title')}
        subtitle={t('dialogues.admin.list.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="dialogues-create">
              {t('dialogues.admin.list.create')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select<DialogueSessionState | undefined>
            aria-label={t('dialogues.admin.list.filterState')}
            placeholder={t('dialogues.admin.list.allStates')}
            allowClear
            value={state}
            onChange={filtered(setState)}
            options={DIALOGUE_SESSION_STATES.map((s) => ({ value: s, label: t(`dialogues.states.${s}`) }))}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="dialogues-state-filter"
          />
        </Flex>
        <Table<SessionSummary>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={pagination(data?.total ?? 0)}
          locale={{ emptyText: t('dialogues.admin.list.empty') }}
          data-testid="dialogues-table"
          columns={[
            {
              title: t('dialogues.admin.list.colTitle'),
              dataIndex: 'title',
              width: 320,
              render: (title: string, s) => (
                <Link to={DIALOGUE_PATHS.adminSession(s.id)} className="wrap-anywhere" data-testid={`dialogue-link-${s.id}`}>
                  {title}
                </Link>
              ),
            },
            { title: t('dialogues.admin.list.colStartsAt'), dataIndex: 'startsAt', width: 140, render: (v: string) => formatInstant(v) },
            { title: t('dialogues.admin.list.colLevel'), dataIndex: 'level', width: 130, render: (v: SessionSummary['level']) => t(`dialogues.levels.${v}`) },
            {
              title: t('dialogues.admin.list.colOrganiser'),
              key: 'organiser',
              width: 200,
              render: (_: unknown, s) => <span className="wrap-anywhere">{s.organisingUnit.name}</span>,
            },
            { title: t('dialogues.admin.list.colState'), dataIndex: 'state', width: 150, render: (_: unknown, s) => <SessionStateTag state={s.state} text={s.stateText} /> },
            {
              title: t('dialogues.admin.list.colQuestions'),
              key: 'questions',
              width: 150,
              render: (_: unknown, s) => (
                <Flex vertical>
                  <span>{s.questionCount}</span>
                  {s.pendingCount > 0 ? <Typography.Text type="warning">{t('dialogues.admin.list.pending', { count: s.pendingCount })}</Typography.Text> : null}
                </Flex>
              ),
            },
            { title: t('dialogues.admin.list.colCommitments'), dataIndex: 'commitmentCount', width: 110, align: 'right' },
          ]}
        />
      </Card>
      <SessionFormModal open={creating} onClose={() => setCreating(false)} onSaved={(detail) => void navigate(DIALOGUE_PATHS.adminSession(detail.id))} />
    </>
  );
}
