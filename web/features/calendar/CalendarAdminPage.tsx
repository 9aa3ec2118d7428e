import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Empty, Result, Select, Skeleton, Space, Tabs, Tag } from 'antd';
import { CalculatorOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../identity/identity.api';
import { useCalendarYear, useCalendarYears, useGenerateYear } from './calendar.api';
import { CALENDAR_ACTIONS } from './calendar.types';
import { hanoiNow } from './calendar.format';
import { GenerateYearModal } from './GenerateYearModal';
import { HoursPanel } from './HoursPanel';
import { YearPanel } from './YearPanel';

/** Back office: the working calendar by year (days off, make-up days, references), drafts and publishing, and office hours. */
export function CalendarAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const canManage = !!me?.actions.includes(CALENDAR_ACTIONS.manage);
  const [params, setParams] = useSearchParams();
  const [generating, setGenerating] = useState(false);
  const years = useCalendarYears();
  const generate = useGenerateYear();

  const items = years.data?.items ?? [];
  const thisYear = Number(hanoiNow().slice(0, 4));
  const requested = Number(params.get('year'));
  const year = items.some((i) => i.year === requested) ? requested : (items.find((i) => i.year === thisYear)?.year ?? items[items.length - 1]?.year);
  const detail = useCalendarYear(year);
  const tab = params.get('tab') === 'hours' ? 'hours' : 'year';
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const yearOptions = items.map((i) => ({
    value: i.year,
    label: (
      <Space size={6}>
        {i.year}
        {i.published ? <Tag color="green">{t('calendar.yearStatus.published')}</Tag> : null}
        {i.draft ? <Tag color="gold">{t('calendar.yearStatus.draft')}</Tag> : null}
      </Space>
    ),
  }));

  return (
    <>
      <PageHeader
        title={t('calendar.admin.title')}
        subtitle={t('calendar.admin.subtitle')}
        extra={
          <>
            <Button icon={<CalculatorOutlined />} onClick={() => void navigate('/admin/calendar/calculator')}>
              {t('calendar.calculator.title')}
            </Button>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="generate-year">
                {t('calendar.generate.button')}
              </Button>
            ) : null}
          </>
        }
      />
      {/* The year picker sits outside the tab list: a tab list holds tabs only (WCAG 4.1.2). */}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        items={[
          {
            key: 'year',
            label: t('calendar.admin.yearTab'),
            children: (
              <>
                {items.length ? (
                  <Select
                    aria-label={t('calendar.admin.year')}
                    data-testid="year-select"
                    value={year}
                    options={yearOptions}
                    onChange={(y) => setParam('year', String(y))}
                    style={{ minWidth: 220, maxWidth: '100%', marginBottom: 12 }}
                  />
                ) : null}
                {years.isPending || (year !== undefined && detail.isPending) ? (
                  <Skeleton active />
                ) : years.error || detail.error ? (
                  <Result status="error" title={t('common.errors.loadFailed')} subTitle={(years.error ?? detail.error)?.message} />
                ) : !detail.data ? (
                  <Empty description={t('calendar.admin.noYears')} />
                ) : (
                  <YearPanel key={detail.data.year} data={detail.data} canManage={canManage} />
                )}
              </>
            ),
          },
          { key: 'hours', label: t('calendar.admin.hoursTab'), children: <HoursPanel canManage={canManage} /> },
        ]}
      />
      {generating ? (
        <GenerateYearModal
          open
          suggested={(items[items.length - 1]?.year ?? thisYear) + 1}
          onClose={() => setGenerating(false)}
          onGenerate={async (y) => {
            await generate.mutateAsync(y);
            setParam('year', String(y));
            void message.success(t('calendar.generate.done', { year: y }));
          }}
        />
      ) : null}
    </>
  );
}
