import { Card, Flex, Tag, Typography } from 'antd';
import { BankOutlined, ClockCircleOutlined, DollarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedureSummary } from '../catalog/catalog.types';
import { OnlineModeTag } from './OnlineModeTag';
import { TimeUnreadableTag } from './TimeUnreadableTag';

/** One procedure in the public search results. */
export function ProcedureResultItem({ item }: { item: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="procedure-result">
      <Link to={`/thu-tuc/${encodeURIComponent(item.code)}`}>
        {/* h2 under the page's h1 (the look of antd's h5). */}
        <Typography.Title level={2} style={{ margin: 0, color: '#1456a0', fontSize: 16 }} className="wrap-anywhere">
          {item.name}
        </Typography.Title>
      </Link>
      <Flex wrap gap={6} style={{ margin: '8px 0' }}>
        <Tag>{item.code}</Tag>
        {/* A long field name wraps inside its tag instead of widening a phone's page. */}
        {item.field ? (
          <Tag color="blue" style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
            {item.field}
          </Tag>
        ) : null}
        {item.levels.map((l) => (
          <Tag key={l} color="purple">
            {t(`catalog.levels.${l}`)}
          </Tag>
        ))}
        <OnlineModeTag mode={item.onlineMode} />
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text className="wrap-anywhere">
          {/* A time the system cannot compute is never shown as the catalog's bare "1" (issue 9 item 9). */}
          <ClockCircleOutlined /> {t('portal.search.time')}: {item.timeReadable ? (item.processingTimeText ?? t('portal.detail.notStated')) : t('portal.detail.timeAskAgency')}{' '}
          {!item.timeReadable ? <TimeUnreadableTag /> : null}
        </Typography.Text>
        <Typography.Text className="wrap-anywhere">
          <DollarOutlined /> {t('portal.search.fee')}: {item.feeText ?? t('portal.detail.notStated')}
        </Typography.Text>
        {item.implementingUnits.length > 0 ? (
          <Typography.Text type="secondary" className="wrap-anywhere">
            <BankOutlined /> {item.implementingUnits.map((u) => u.name).join('; ')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
