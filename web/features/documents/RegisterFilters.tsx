import { Checkbox, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useClearable } from '../../ui/useClearable';
import { DocumentUnitSelect } from './DocumentUnitSelect';

const PAGE_SIZES = [20, 50, 100];

/** The years offered by the year filter: this one and the five before it. */
export function registerYears(now = new Date()): number[] {
  const y = now.getFullYear();
  return Array.from({ length: 6 }, (_, i) => y - i);
}

/** A register's filters and page as they live in the address (so a view can be linked), and how to change them. */
export function useRegisterParams<S extends string>(states: readonly S[]) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const year = Number(params.get('year'));
  const view = {
    q: params.get('q') ?? '',
    state: raw && (states as readonly string[]).includes(raw) ? (raw as S) : undefined,
    unitId: params.get('unitId') ?? undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    overdue: params.get('overdue') === 'true',
    assignedToMe: params.get('assignedToMe') === 'true',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20,
  };
  /** Changes the address; any change of a filter starts again at page 1. */
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { view, update, pageSizes: PAGE_SIZES };
}

interface RegisterFiltersProps<S extends string> {
  /** Test ids and labels: `incoming` or `outgoing`. */
  kind: 'incoming' | 'outgoing';
  states: readonly S[];
  view: ReturnType<typeof useRegisterParams<S>>['view'];
  update: ReturnType<typeof useRegisterParams<S>>['update'];
}

/** The register's filters: unit, state, year, a search without diacritics, overdue only, and (incoming) assigned to me. */
export function RegisterFilters<S extends string>({ kind, states, view, update }: RegisterFiltersProps<S>) {
  const { t } = useTranslation();
  const clearable = useClearable();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center" data-testid={`${kind}-filters`}>
      <Input.Search
        key={view.q}
        defaultValue={view.q}
        allowClear={clearable}
        placeholder={t('documents.filters.searchPlaceholder')}
        aria-label={t('documents.filters.searchLabel')}
        onSearch={(v) => update({ q: v.trim() })}
        style={{ width: 300, maxWidth: '100%' }}
        data-testid={`${kind}-search`}
      />
      <DocumentUnitSelect
        scope="covered"
        aria-label={t('documents.filters.unit')}
        placeholder={t('documents.filters.allUnits')}
        allowClear
        value={view.unitId}
        onChange={(v) => update({ unitId: v })}
        style={{ width: 260, maxWidth: '100%' }}
        testId={`${kind}-unit-filter`}
      />
      <Select<string>
        aria-label={t('documents.filters.state')}
        value={view.state ?? 'all'}
        onChange={(v) => update({ state: v === 'all' ? undefined : v })}
        options={[
          { value: 'all', label: t('documents.filters.allStates') },
          ...states.map((s) => ({ value: s, label: t(kind === 'incoming' ? `documents.incomingStates.${s}` : `documents.outgoingStates.${s}`) })),
        ]}
        style={{ width: 200, maxWidth: '100%' }}
        popupMatchSelectWidth={false}
        data-testid={`${kind}-state-filter`}
      />
      <Select<number | 'all'>
        aria-label={t('documents.filters.year')}
        value={view.year ?? 'all'}
        onChange={(v) => update({ year: v === 'all' ? undefined : v })}
        options={[{ value: 'all', label: t('documents.filters.allYears') }, ...registerYears().map((y) => ({ value: y, label: t('documents.filters.yearValue', { year: y }) }))]}
        style={{ width: 130 }}
        data-testid={`${kind}-year-filter`}
      />
      {kind === 'incoming' ? (
        <>
          <Checkbox checked={view.overdue} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })} data-testid="incoming-overdue-filter">
            {t('documents.filters.overdue')}
          </Checkbox>
          <Checkbox checked={view.assignedToMe} onChange={(e) => update({ assignedToMe: e.target.checked ? 'true' : undefined })} data-testid="incoming-mine-filter">
            {t('documents.filters.assignedToMe')}
          </Checkbox>
        </>
      ) : null}
    </Flex>
  );
}
