import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../identity/identity.api';

/** Picks an organisation unit by its code (the calendar keys a unit's office hours by code); searchable. */
export function UnitCodePicker({
  value,
  onChange,
  onLabel,
  id,
  allowClear = true,
  placeholder,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Reports the chosen unit's name. */
  onLabel?: (name: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useOrgUnits({ q: q || undefined, page: 1, pageSize: 20 });
  const options = (data?.items ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, name: u.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value, name: value });
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value}
      loading={isFetching}
      placeholder={placeholder ?? t('calendar.hours.unitPlaceholder')}
      options={options}
      onChange={(code, option) => {
        onChange?.(code ?? undefined);
        onLabel?.(Array.isArray(option) ? undefined : option?.name);
      }}
      notFoundContent={t('common.empty')}
    />
  );
}
