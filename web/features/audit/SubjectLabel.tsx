import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { User } from '../identity/identity.types';
import { subjectTypeLabel } from './audit-labels';

/** A user's display name by id (GET /identity/users/:id), shared by the audit log and the outbox. */
function UserName({ id }: { id: string }) {
  const { data, isError } = useQuery({
    queryKey: ['identity', 'users', 'one', id],
    queryFn: ({ signal }) => api.get<User>(`/api/v1/identity/users/${id}`, undefined, signal),
    staleTime: 300_000,
  });
  if (isError) return <Typography.Text type="secondary">{id}</Typography.Text>;
  return <span data-testid="subject-user">{data ? data.displayName : '…'}</span>;
}

/** What an entry is about, in words: the translated subject type, and a user's name instead of their UUID. */
export function SubjectLabel({ type, id }: { type: string | null; id: string | null }) {
  const { t } = useTranslation();
  if (!type) return <>—</>;
  return (
    <div className="wrap-anywhere">
      <Typography.Text>{subjectTypeLabel(t, type)}</Typography.Text>
      {id ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {type === 'user' ? <UserName id={id} /> : id}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
