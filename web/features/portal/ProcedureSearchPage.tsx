import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Flex, Input, Pagination, Skeleton, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { useSearchParams } from 'react-router';
import { useProcedureSearch } from '../catalog/catalog.api';
import { useImplementingUnits } from './portal.api';
import { PAGE_SIZE, readSearchState, writeSearchState, type SearchState } from './search-params';
import { SearchFilters } from './SearchFilters';
import { ProcedureResultItem } from './ProcedureResultItem';
import { PageTitle } from '../../ui/PageTitle';
import { usePagerLabels } from '../../ui/usePaging';

/** Public procedure search at `/thu-tuc`: text, field, unit, level and online mode, paged; the URL holds the state. */
export function ProcedureSearchPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);
  const [text, setText] = useState(state.q ?? '');
  const { data, isPending, isFetching, error } = useProcedureSearch({ ...state, pageSize: PAGE_SIZE });
  const { data: units } = useImplementingUnits();
  const itemRender = usePagerLabels();

  // Keep the box in step with the URL (back button, links from the home page); adjusted during render, not in an effect.
  const [urlQ, setUrlQ] = useState(state.q);
  if (state.q !== urlQ) {
    setUrlQ(state.q);
    setText(state.q ?? '');
  }

  const update = (next: Partial<SearchState>) => setParams(writeSearchState({ ...state, page: 1, ...next }));

  return (
    <Flex vertical gap={16}>
      <PageTitle>{t('portal.search.title')}</PageTitle>
      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            size="large"
            allowClear={clearable}
            value={text}
            onChange={(e) => setText(e.target.value)}
            enterButton={<SearchOutlined aria-label={t('portal.search.submit')} />}
            placeholder={t('portal.home.searchPlaceholder')}
            aria-label={t('portal.home.searchPlaceholder')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            data-testid="procedure-search"
          />
          <SearchFilters state={state} units={units ?? []} onChange={update} />
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {isPending ? (
        <Skeleton active />
      ) : data && data.items.length > 0 ? (
        <>
          <Typography.Text type="secondary" data-testid="result-count">
            {t('portal.search.found', { n: data.total })}
          </Typography.Text>
          <Flex vertical gap={12} style={{ opacity: isFetching ? 0.6 : 1 }}>
            {data.items.map((item) => (
              <ProcedureResultItem key={item.id} item={item} />
            ))}
          </Flex>
          <Pagination
            align="center"
            current={state.page}
            pageSize={PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            responsive
            showLessItems
            itemRender={itemRender}
            onChange={(page) => {
              setParams(writeSearchState({ ...state, page }));
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      ) : (
        <Empty description={t('portal.search.empty')} />
      )}
    </Flex>
  );
}
