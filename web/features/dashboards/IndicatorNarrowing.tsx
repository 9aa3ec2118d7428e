import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFields, useProcedureSearch } from '../catalog/catalog.api';

/**
 * Narrows the indicators to a field (lĩnh vực) and/or one procedure (issue 12 item 1). The procedures offered are
 * searched in the published catalogue, within the chosen field.
 */
export function IndicatorNarrowing({
  field,
  procedure,
  onChange,
}: {
  field: string | undefined;
  procedure: string | undefined;
  onChange: (next: { field: string | undefined; procedure: string | undefined }) => void;
}) {
  const { t } = useTranslation();
  const fields = useFields();
  const [q, setQ] = useState('');
  const procedures = useProcedureSearch({ q: q || undefined, field, pageSize: 20 });
  return (
    <>
      <Select
        style={{ minWidth: 200 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('dashboards.indicators.allFields')}
        value={field}
        options={(fields.data?.items ?? []).map((f) => ({ value: f.name, label: f.name }))}
        onChange={(v: string | undefined) => onChange({ field: v, procedure: undefined })}
        aria-label={t('dashboards.indicators.field')}
        data-testid="indicators-field"
      />
      <Select
        style={{ minWidth: 260, maxWidth: '100%' }}
        allowClear
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={t('dashboards.indicators.allProcedures')}
        value={procedure}
        // The previous search's results stay shown while the next loads: not those of another field, though.
        options={procedures.isPlaceholderData ? [] : (procedures.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
        loading={procedures.isFetching}
        onChange={(v: string | undefined) => onChange({ field, procedure: v })}
        aria-label={t('dashboards.indicators.procedure')}
        data-testid="indicators-procedure"
      />
    </>
  );
}
