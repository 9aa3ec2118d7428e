import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Pagination, Select, Skeleton, Typography } from 'antd';
import { EditOutlined, ProfileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { looselyIncludes } from '../../ui/text';
import { useClearable } from '../../ui/useClearable';
import { usePagerLabels } from '../../ui/usePaging';
import { useFields } from '../catalog/catalog.api';
import { useMe } from '../identity/identity.api';
import { FEEDBACK_PATHS, OPEN311_REQUESTS_URL, useFeedbackStats, usePublicFeedbackList } from './feedback-portal.api';
import { FeedbackStatsSection } from './FeedbackStatsSection';
import { ProcedureSelect } from './ProcedureSelect';
import { PublicFeedbackItem } from './PublicFeedbackItem';
import { PUBLIC_PAGE_SIZE, readPublicSearch, writePublicSearch, type PublicSearchState } from './public-search';
import { INLINE_LINK } from './feedback-format';

const filterStyle = { flex: '1 1 220px', minWidth: 0 };

/**
 * `/phan-anh-kien-nghi`: the public side of feedback on administrative regulations (issue 14 item 4) — answered,
 * published items (personal data masked) searched by words, procedure, field and unit; the counts and on-time rates by
 * unit; the way to file a new item, and to one's own items when signed in.
 */
export function PublicFeedbackPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const itemRender = usePagerLabels();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readPublicSearch(params), [params]);
  const [text, setText] = useState(state.q ?? '');
  const list = usePublicFeedbackList({ ...state, pageSize: PUBLIC_PAGE_SIZE });
  const { data: fields } = useFields();
  // The units that have received items (from the all-time counts) are the ones worth filtering by.
  const { data: stats } = useFeedbackStats({});
  const filterOption = (input: string, option?: { label?: unknown }) => looselyIncludes(typeof option?.label === 'string' ? option.label : '', input);

  // Keeps the box in step with the URL (back button, shared links); adjusted during render, not in an effect.
  const [urlQ, setUrlQ] = useState(state.q);
  if (state.q !== urlQ) {
    setUrlQ(state.q);
    setText(state.q ?? '');
  }
  const update = (next: Partial<PublicSearchState>) => setParams(writePublicSearch({ ...state, page: 1, ...next }));
  const filtered = !!(state.q || state.procedureCode || state.field || state.unitId);

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle style={{ marginBottom: 8 }}>{t('feedbackPortal.public.title')}</PageTitle>
        <Typography.Paragraph style={{ margin: 0 }}>{t('feedbackPortal.public.intro')}</Typography.Paragraph>
      </div>
      <Card size="small">
        <Flex vertical gap={12} align="flex-start">
          <Flex wrap gap={8}>
            <LinkButton to={FEEDBACK_PATHS.file} type="primary" size="large" icon={<EditOutlined />} data-testid="feedback-file-link">
              {t('feedbackPortal.public.file')}
            </LinkButton>
            {me?.kind === 'citizen' ? (
              <LinkButton to={FEEDBACK_PATHS.mine} size="large" icon={<ProfileOutlined />} data-testid="my-feedback-link">
                {t('feedbackPortal.mine.title')}
              </LinkButton>
            ) : null}
          </Flex>
          <Typography.Text type="secondary">{t('feedbackPortal.public.scope')}</Typography.Text>
        </Flex>
      </Card>

      <section aria-labelledby="public-feedback-heading">
        <Flex vertical gap={12}>
          <Typography.Title level={2} id="public-feedback-heading" style={{ fontSize: 20, margin: 0 }}>
            {t('feedbackPortal.public.answered')}
          </Typography.Title>
          <Card size="small">
            <Flex vertical gap={12}>
              <Input.Search
                size="large"
                allowClear={clearable}
                value={text}
                onChange={(e) => setText(e.target.value)}
                enterButton
                placeholder={t('feedbackPortal.public.searchPlaceholder')}
                aria-label={t('feedbackPortal.public.searchLabel')}
                maxLength={200}
                onSearch={(q) => update({ q: q.trim() || undefined })}
                data-testid="public-feedback-search"
              />
              <Flex wrap gap={8}>
                <div style={filterStyle}>
                  <ProcedureSelect
                    value={state.procedureCode}
                    onChange={(procedureCode) => update({ procedureCode })}
                    placeholder={t('feedbackPortal.public.procedure')}
                    aria-label={t('feedbackPortal.public.procedure')}
                    data-testid="public-feedback-procedure"
                  />
                </div>
                <Select
                  allowClear
                  showSearch={{ filterOption }}
                  aria-label={t('feedbackPortal.public.field')}
                  placeholder={t('feedbackPortal.public.field')}
                  value={state.field}
                  onChange={(field?: string) => update({ field })}
                  options={(fields?.items ?? []).map((f) => ({ value: f.name, label: f.name }))}
                  notFoundContent={t('common.empty')}
                  style={filterStyle}
                  data-testid="public-feedback-field"
                />
                <Select
                  allowClear
                  showSearch={{ filterOption }}
                  aria-label={t('feedbackPortal.public.unit')}
                  placeholder={t('feedbackPortal.public.unit')}
                  value={state.unitId}
                  onChange={(unitId?: string) => update({ unitId })}
                  options={(stats?.items ?? []).map((r) => ({ value: r.unit.id, label: r.unit.name }))}
                  notFoundContent={t('common.empty')}
                  style={filterStyle}
                  data-testid="public-feedback-unit"
                />
              </Flex>
              {filtered ? (
                <Button
                  type="link"
                  style={{ alignSelf: 'flex-start', padding: 0 }}
                  onClick={() => {
                    setText('');
                    setParams(new URLSearchParams());
                  }}
                >
                  {t('common.actions.clearFilters')}
                </Button>
              ) : null}
            </Flex>
          </Card>
          {list.error ? <Alert type="error" showIcon title={list.error.message} /> : null}
          {list.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
          {list.data && list.data.items.length > 0 ? (
            <>
              <Typography.Text type="secondary" role="status" data-testid="public-feedback-count">
                {t('feedbackPortal.public.found', { count: list.data.total })}
              </Typography.Text>
              <Flex
                vertical
                gap={12}
                component="ul"
                style={{ listStyle: 'none', margin: 0, padding: 0, opacity: list.isFetching ? 0.6 : 1 }}
                aria-labelledby="public-feedback-heading"
                data-testid="public-feedback-list"
              >
                {list.data.items.map((item) => (
                  <li key={item.code}>
                    <PublicFeedbackItem item={item} level={3} />
                  </li>
                ))}
              </Flex>
              <Pagination
                align="center"
                current={state.page}
                pageSize={PUBLIC_PAGE_SIZE}
                total={list.data.total}
                showSizeChanger={false}
                responsive
                showLessItems
                itemRender={itemRender}
                onChange={(page) => {
                  setParams(writePublicSearch({ ...state, page }));
                  window.scrollTo({ top: 0 });
                }}
              />
            </>
          ) : null}
          {list.data && list.data.items.length === 0 ? (
            <Empty description={filtered ? t('feedbackPortal.public.noMatch') : t('feedbackPortal.public.empty')} data-testid="public-feedback-empty" />
          ) : null}
        </Flex>
      </section>

      <FeedbackStatsSection />

      <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="public-feedback-open311">
        {t('feedbackPortal.public.open311')}{' '}
        <a href={OPEN311_REQUESTS_URL} className="wrap-anywhere" style={INLINE_LINK}>
          {OPEN311_REQUESTS_URL}
        </a>
      </Typography.Paragraph>
    </Flex>
  );
}
