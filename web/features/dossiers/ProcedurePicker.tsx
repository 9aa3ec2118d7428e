import { forwardRef, useEffect, useState } from 'react';
import { Select, Typography, type RefSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProcedureSearch } from '../catalog/catalog.api';

interface ProcedurePickerProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  autoFocus?: boolean;
}

/**
 * Searches the published procedures as the officer types (diacritic-insensitive, server side); arrow keys move,
 * Enter picks. The value is the procedure code.
 */
export const ProcedurePicker = forwardRef<RefSelectProps, ProcedurePickerProps>(function ProcedurePicker({ id, value, onChange, autoFocus }, ref) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useProcedureSearch({ q: q || undefined, page: 1, pageSize: 20 });

  return (
    <Select<string>
      ref={ref}
      id={id}
      value={value}
      onChange={(code) => onChange?.(code)}
      autoFocus={autoFocus}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={isFetching}
      placeholder={t('dossiers.intake.procedurePlaceholder')}
      notFoundContent={isFetching ? t('dossiers.intake.searching') : t('dossiers.intake.noProcedure')}
      popupMatchSelectWidth
      style={{ width: '100%' }}
      data-testid="procedure-picker"
      options={(data?.items ?? []).map((p) => ({
        value: p.code,
        label: `${p.code} — ${p.name}`,
        title: p.name,
        // The option shows the name wrapped, with the code and field under it.
        display: p,
      }))}
      optionRender={(option) => {
        const p = option.data.display as NonNullable<typeof data>['items'][number];
        return (
          <div style={{ whiteSpace: 'normal' }}>
            <div className="wrap-anywhere">{p.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.code}
              {p.field ? ` · ${p.field}` : ''}
              {p.processingTimeText ? ` · ${p.processingTimeText}` : ''}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
});
