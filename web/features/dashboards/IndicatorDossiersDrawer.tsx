import { Alert, Button, Drawer, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierListItem } from '../../../contracts/dossiers/dossiers.contracts';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';
import { DeadlineBadge } from '../dossiers/DeadlineBadge';
import { DossierStatusTag } from '../dossiers/DossierStatusTag';
import { formatInstant } from '../dossiers/dossiers.format';
import { codeColumn, procedureAndApplicantColumn } from '../dossiers/dossier-columns';
import { useIndicatorDossiers, type IndicatorFilter } from './dashboards.api';

/** The dossiers behind one number of the indicators page (issue 12 item 3), newest first, more on demand. */
export function IndicatorDossiersDrawer({ filter, measure, onClose }: { filter: IndicatorFilter; measure: IndicatorMeasure | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, error, isFetching, hasNextPage, fetchNextPage } = useIndicatorDossiers(filter, measure);
  const items = data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer open={measure !== null} onClose={onClose} size="large" title={measure ? t(`dashboards.drillTitle.${measure}`) : ''} destroyOnHidden data-testid="indicator-dossiers">
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table<DossierListItem>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('dashboards.drill.empty') }}
        columns={[
          codeColumn(t, 'indicator-dossier-link'),
          procedureAndApplicantColumn(t),
          {
            title: t('dossiers.queue.dates'),
            width: 170,
            render: (_, d) => (
              <div style={{ fontSize: 13 }}>
                <div>
                  <Typography.Text type="secondary">{t('dossiers.queue.receivedShort')}</Typography.Text> {formatInstant(d.receivedAt)}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('dossiers.queue.dueShort')}</Typography.Text> {formatInstant(d.effectiveDueAt)}
                </div>
              </div>
            ),
          },
          {
            title: t('dossiers.fields.status'),
            width: 150,
            render: (_, d) => (
              <Flex vertical gap={4} align="flex-start">
                <DossierStatusTag statusCode={d.statusCode} state={d.state} />
                <DeadlineBadge badge={d.badge} remainingWorkingMinutes={d.remainingWorkingMinutes} compact />
              </Flex>
            ),
          },
        ]}
      />
      {hasNextPage ? (
        <Button style={{ marginTop: 12 }} onClick={() => void fetchNextPage()} loading={isFetching} data-testid="indicator-dossiers-more">
          {t('dashboards.drill.more')}
        </Button>
      ) : null}
    </Drawer>
  );
}
