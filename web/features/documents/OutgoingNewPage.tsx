import { useMemo } from 'react';
import { Breadcrumb, Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import { DOCUMENT_PATHS, useIncoming } from './documents.api';
import { grantedUnits } from './DocumentUnitSelect';
import { DRAFTING_ROLES, OutgoingDraftForm } from './OutgoingDraftForm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/admin/documents/outgoing/new`: a specialist or leader drafts an outgoing document (`?replyTo=<incoming id>` when it
 * answers an incoming one); once saved, its page opens, where it is submitted, signed and issued.
 */
export function OutgoingNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me, isPending } = useMe();
  const units = useMemo(() => grantedUnits(me?.grants ?? [], DRAFTING_ROLES), [me]);
  const raw = params.get('replyTo');
  const replyTo = raw && UUID.test(raw) ? raw : undefined;
  const { isPending: treePending } = useOrgUnitTree();
  // A reply is numbered by the body that received the document it answers.
  const { data: answered, isLoading: answeredLoading } = useIncoming(replyTo);

  const header = (
    <>
      <Breadcrumb items={[{ title: <Link to={DOCUMENT_PATHS.outgoing}>{t('documents.outgoing.list.title')}</Link> }, { title: t('documents.outgoing.new.breadcrumb') }]} />
      <PageHeader title={t('documents.outgoing.new.title')} subtitle={replyTo ? t('documents.outgoing.new.replySubtitle') : t('documents.outgoing.new.subtitle')} />
    </>
  );

  // The unit pickers' first values are set when the form mounts: wait for the grants, the tree and the answered document.
  if (isPending || treePending || answeredLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (units.length === 0) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Result
          status="info"
          title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('documents.outgoing.new.noUnitTitle')}</h2>}
          subTitle={t('documents.outgoing.new.noUnitText')}
          data-testid="outgoing-new-no-unit"
        />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16}>
      {header}
      <OutgoingDraftForm replyToIncomingId={replyTo} defaultUnitId={answered?.unit.id} onSaved={(d) => void navigate(DOCUMENT_PATHS.outgoingOne(d.id))} />
    </Flex>
  );
}
