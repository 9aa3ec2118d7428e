import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../identity/identity.api';

/** Picks a user by typing part of a name, user name, e-mail or phone (server-side search). */
export function UserPicker({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, isFetching } = useUsers({ q: search || undefined, pageSize: 20 });
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={t('audit.log.actorPlaceholder')}
      notFoundContent={t('common.empty')}
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: u.username ? `${u.displayName} (${u.username})` : u.displayName }))}
      style={{ minWidth: 240 }}
    />
  );
}
