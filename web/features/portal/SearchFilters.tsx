import { useMemo } from 'react';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { looselyIncludes } from '../../ui/text';
import { useFields } from '../catalog/catalog.api';
import { LEVELS, ONLINE_MODES } from '../catalog/catalog.types';
import type { ImplementingUnitOption } from './portal.api';
import type { SearchState } from './search-params';

interface SearchFiltersProps {
  state: SearchState;
  units: ImplementingUnitOption[];
  onChange: (next: Partial<SearchState>) => void;
}

const selectStyle = { flex: '1 1 170px', minWidth: 0 };

/** Field, implementing unit, level and online-mode filters of the public search. */
export function SearchFilters({ state, units, onChange }: SearchFiltersProps) {
  const { t } = useTranslation();
  const { data: fields } = useFields();
  const fieldOptions = useMemo(() => (fields?.items ?? []).map((f) => ({ value: f.name, label: `${f.name} (${f.count})` })), [fields]);
  const filterOption = (input: string, option?: { label?: unknown }) => looselyIncludes(typeof option?.label === 'string' ? option.label : '', input);
  const active = !!(state.field || state.orgUnitId || state.level || state.onlineMode);
  return (
    <Flex wrap gap={8}>
      <Select
        allowClear
        showSearch={{ filterOption }}
        aria-label={t('portal.search.field')}
        placeholder={t('portal.search.field')}
        value={state.field}
        onChange={(field) => onChange({ field })}
        options={fieldOptions}
        style={selectStyle}
      />
      <Select
        allowClear
        showSearch={{ filterOption }}
        aria-label={t('portal.search.unit')}
        placeholder={t('portal.search.unit')}
        value={state.orgUnitId}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
        options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.count})` }))}
        notFoundContent={t('common.empty')}
        style={selectStyle}
      />
      <Select
        allowClear
        aria-label={t('portal.search.level')}
        placeholder={t('portal.search.level')}
        value={state.level}
        onChange={(level) => onChange({ level })}
        options={LEVELS.filter((l) => l !== 'district').map((l) => ({ value: l, label: t(`catalog.levels.${l}`) }))}
        style={selectStyle}
      />
      <Select
        allowClear
        aria-label={t('portal.search.onlineMode')}
        placeholder={t('portal.search.onlineMode')}
        value={state.onlineMode}
        onChange={(onlineMode) => onChange({ onlineMode })}
        options={ONLINE_MODES.map((m) => ({ value: m, label: t(`catalog.onlineModes.${m}`) }))}
        style={selectStyle}
      />
      {active ? (
        <Button type="link" onClick={() => onChange({ field: undefined, orgUnitId: undefined, level: undefined, onlineMode: undefined })}>
          {t('common.actions.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
