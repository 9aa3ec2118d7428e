import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { formatDateTime } from '../../ui/dates';
import { fetchYearImpact, useAddEntry, useDiscardDraft, usePublishYear, useRemoveEntry, useStartRevision, useUpdateEntry } from './calendar.api';
import type { CalendarEntry, CalendarYearDetail, YearResponse } from './calendar.types';
import { dateWithWeekday } from './calendar.format';
import { ConfirmChangeModal } from './ConfirmChangeModal';
import { EntryFormModal } from './EntryFormModal';
import { CalendarLegend, YearGrid } from './YearGrid';

type Version = 'published' | 'draft';

/** One year: the version in force or the draft, as a 12-month grid with its entries; draft editing and publishing for administrators. */
export function YearPanel({ data, canManage }: { data: YearResponse; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [chosen, setChosen] = useState<Version | undefined>();
  const [entryModal, setEntryModal] = useState<{ entry?: CalendarEntry; date?: string } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const addEntry = useAddEntry();
  const updateEntry = useUpdateEntry();
  const removeEntry = useRemoveEntry();
  const discard = useDiscardDraft();
  const revise = useStartRevision();
  const publish = usePublishYear();

  const version: Version = chosen && data[chosen] ? chosen : data.published ? 'published' : 'draft';
  const shown = (version === 'draft' ? data.draft : data.published) as CalendarYearDetail;
  const editable = canManage && version === 'draft';

  // Clicking a date of the draft edits its entry, or adds one on that date.
  const pickDate = (date: string) => {
    const existing = shown.entries.find((e) => e.date === date);
    setEntryModal(existing ? { entry: existing } : { date });
  };

  const entryColumns = [
    { title: t('calendar.entry.date'), dataIndex: 'date', width: 170, render: (d: string) => dateWithWeekday(t, d) },
    {
      title: t('calendar.entry.type'),
      key: 'type',
      width: 170,
      render: (_: unknown, e: CalendarEntry) =>
        e.type === 'day-off' ? <Tag color="red">{t(`calendar.kinds.${e.kind ?? 'other'}`)}</Tag> : <Tag color="green">{t('calendar.entryTypes.make-up')}</Tag>,
    },
    { title: t('calendar.entry.reason'), dataIndex: 'reason' },
    {
      title: t('calendar.entry.reference'),
      dataIndex: 'reference',
      render: (ref: string, e: CalendarEntry) => (
        <>
          {ref}
          {e.note ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {e.note}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('calendar.entry.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: CalendarEntry['status']) => <Tag color={s === 'draft' ? 'gold' : 'blue'}>{t(`calendar.entryStatus.${s}`)}</Tag>,
    },
    ...(editable
      ? [
          {
            title: t('common.table.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, e: CalendarEntry) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} aria-label={t('common.actions.edit')} onClick={() => setEntryModal({ entry: e })} />
                <Popconfirm
                  title={t('calendar.entry.removeConfirm', { date: dateWithWeekday(t, e.date) })}
                  okText={t('common.actions.remove')}
                  cancelText={t('common.actions.cancel')}
                  onConfirm={() => removeEntry.mutateAsync({ year: data.year, id: e.id }).catch(showError)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap>
          {data.published && data.draft ? (
            <Segmented
              aria-label={t('calendar.year.versionLabel')}
              value={version}
              onChange={(v) => setChosen(v as Version)}
              options={[
                { value: 'published', label: t('calendar.year.inForce') },
                { value: 'draft', label: t('calendar.year.revisionDraft') },
              ]}
            />
          ) : null}
          <Tag color={version === 'draft' ? 'gold' : 'green'} data-testid="year-status">
            {t(`calendar.yearStatus.${shown.status}`)}
          </Tag>
        </Space>
        {canManage ? (
          <Space wrap>
            {version === 'draft' ? (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setEntryModal({})} data-testid="add-entry">
                  {t('calendar.entry.add')}
                </Button>
                <Popconfirm
                  title={t('calendar.year.discardConfirm', { year: data.year })}
                  okText={t('calendar.year.discard')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.actions.cancel')}
                  onConfirm={() => discard.mutateAsync(data.year).then(() => void message.success(t('calendar.year.discarded', { year: data.year })), showError)}
                >
                  <Button danger>{t('calendar.year.discard')}</Button>
                </Popconfirm>
                <Button type="primary" onClick={() => setPublishing(true)} data-testid="publish-year">
                  {t('calendar.year.publish')}
                </Button>
              </>
            ) : !data.draft ? (
              <Button
                onClick={() =>
                  revise.mutateAsync(data.year).then(() => {
                    setChosen('draft');
                    void message.success(t('calendar.year.revisionStarted', { year: data.year }));
                  }, showError)
                }
                loading={revise.isPending}
                data-testid="start-revision"
              >
                {t('calendar.year.startRevision')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Flex>

      {version === 'draft' ? (
        <Alert
          type={shown.generated ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-banner"
          title={shown.generated ? t('calendar.year.generatedTitle') : t('calendar.year.revisionTitle')}
          description={shown.generated ? t('calendar.year.generatedHelp') : t('calendar.year.revisionHelp')}
        />
      ) : (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('calendar.year.publishedAt')}>{formatDateTime(shown.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('calendar.year.publishedBy')}>{shown.publishedBy}</Descriptions.Item>
          <Descriptions.Item label={t('calendar.year.publishReason')}>{shown.publishReason}</Descriptions.Item>
        </Descriptions>
      )}

      <CalendarLegend draft={version === 'draft'} />
      <YearGrid year={data.year} hours={data.weeklyHours} entries={shown.entries} onPickDate={editable ? pickDate : undefined} />

      <Typography.Title level={2} style={{ marginTop: 20, fontSize: 16 }}>
        {t('calendar.year.entriesTitle', { dayOff: shown.dayOffCount, makeUp: shown.makeUpCount })}
      </Typography.Title>
      <Table rowKey="id" size="small" columns={entryColumns} dataSource={shown.entries} pagination={false} scroll={{ x: 900 }} data-testid="entries-table" />
      {shown.sources.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('calendar.year.sources')}: {shown.sources.join('; ')}
        </Typography.Paragraph>
      ) : null}

      {entryModal ? (
        <EntryFormModal
          open
          year={data.year}
          entry={entryModal.entry}
          initialDate={entryModal.date}
          onClose={() => setEntryModal(null)}
          onSubmit={async (entry) => {
            if (entryModal.entry) await updateEntry.mutateAsync({ year: data.year, id: entryModal.entry.id, entry });
            else await addEntry.mutateAsync({ year: data.year, entry });
            void message.success(t('calendar.entry.saved'));
          }}
        />
      ) : null}
      {publishing && data.draft ? (
        <ConfirmChangeModal
          open
          title={t('calendar.publish.title', { year: data.year })}
          okText={t('calendar.publish.confirm')}
          impactKey={['year', data.year, data.draft.version]}
          loadImpact={() => fetchYearImpact(data.year)}
          intro={<Typography.Paragraph>{t('calendar.publish.intro', { year: data.year })}</Typography.Paragraph>}
          onClose={() => setPublishing(false)}
          onConfirm={async (reason, acknowledgedImpact) => {
            await publish.mutateAsync({ year: data.year, reason, acknowledgedImpact, version: data.draft!.version });
            setChosen('published');
            void message.success(t('calendar.publish.done', { year: data.year }));
          }}
        />
      ) : null}
    </>
  );
}
