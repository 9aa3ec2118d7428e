import { Alert, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { formatAppointment, formatInstant, statusColor } from '../dossiers/dossiers.format';
import { useMyDossiers, type CitizenDossierSummary } from './my-dossiers.api';
import { useCitizenGate } from './useCitizenGate';

/** One dossier of the list: code and procedure, status, who holds it, what happens next and by when. */
function DossierCard({ d }: { d: CitizenDossierSummary }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="my-dossier" style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div style={{ minWidth: 0 }}>
            <Link to={`/ho-so-cua-toi/${d.id}`} className="wrap-anywhere" style={{ fontWeight: 600, fontSize: 16 }} data-testid="my-dossier-link">
              {d.code}
            </Link>
            <Typography.Paragraph style={{ margin: 0 }} className="wrap-anywhere">
              {d.procedureName}
            </Typography.Paragraph>
          </div>
          <Flex gap={4} wrap>
            <Tag color={statusColor(d.statusCode)} style={{ whiteSpace: 'normal' }} data-testid="my-dossier-status">
              {d.statusText}
            </Tag>
            {d.paused ? (
              <Tag icon={<PauseCircleOutlined />} color="blue">
                {t('citizen.dossiers.paused')}
              </Tag>
            ) : null}
          </Flex>
        </Flex>
        <Typography.Text type="secondary">
          {t(`citizen.dossiers.source.${d.source}`)} · {t('citizen.dossiers.receivedAt', { date: formatInstant(d.receivedAt) })}
        </Typography.Text>
        <Typography.Text className="wrap-anywhere">
          <strong>{t('citizen.dossiers.holder')}:</strong> {d.holder.name}
        </Typography.Text>
        <Typography.Text className="wrap-anywhere">
          <strong>{t('citizen.dossiers.next')}:</strong> {d.next}
        </Typography.Text>
        <Typography.Text className="wrap-anywhere">
          <strong>{t('citizen.dossiers.by')}:</strong> {d.by}
        </Typography.Text>
        <Typography.Text type="secondary">{t('citizen.dossiers.due', { date: formatAppointment(t, d.effectiveDueAt) })}</Typography.Text>
      </Flex>
    </Card>
  );
}

/** /ho-so-cua-toi: every dossier of the signed-in account, newest first. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  const { gate, ready } = useCitizenGate();
  const query = useMyDossiers(ready);
  if (gate) return gate;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('citizen.dossiers.title')} subtitle={t('citizen.dossiers.subtitle')} />
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Alert type="error" showIcon title={query.error.message} /> : null}
      {query.isSuccess && items.length === 0 ? <Empty description={t('citizen.dossiers.empty')} /> : null}
      {items.length > 0 ? (
        <List
          aria-label={t('citizen.dossiers.title')}
          dataSource={items}
          split={false}
          renderItem={(d) => (
            <List.Item key={d.id} style={{ padding: '4px 0' }}>
              <DossierCard d={d} />
            </List.Item>
          )}
        />
      ) : null}
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('citizen.dossiers.more')}
        </Button>
      ) : null}
    </Flex>
  );
}
