import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProcedureSearch } from '../catalog/catalog.api';

interface ProcedureSelectProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * A procedure in force, found by name or code as the portal's procedure search finds it (diacritics ignored, server
 * side); the value is the procedure's code. Clearable: the procedure is optional wherever this is used.
 */
export function ProcedureSelect({ id, value, onChange, placeholder, 'aria-label': ariaLabel, 'data-testid': testId }: ProcedureSelectProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Asks the catalogue once the typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useProcedureSearch({ q: q || undefined, page: 1, pageSize: 20 });

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(code) => onChange?.(code ?? undefined)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={isFetching}
      placeholder={placeholder ?? t('feedbackPortal.procedure.placeholder')}
      aria-label={ariaLabel}
      notFoundContent={isFetching ? t('feedbackPortal.procedure.searching') : t('feedbackPortal.procedure.none')}
      popupMatchSelectWidth
      style={{ width: '100%', minWidth: 0 }}
      data-testid={testId}
      options={(data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})`, display: p }))}
      optionRender={(option) => {
        const p = option.data.display as NonNullable<typeof data>['items'][number];
        return (
          <div style={{ whiteSpace: 'normal' }}>
            <div className="wrap-anywhere">{p.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.code}
              {p.field ? ` · ${p.field}` : ''}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}
