import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../contracts/audit/audit.contracts';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('audit.log.none')}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded audit row: state before and after, plus request id and chain hash. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <div>
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.log.before')}</Typography.Text>
          <Json value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.log.after')}</Typography.Text>
          <Json value={event.after} />
        </Col>
      </Row>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'requestId', label: t('audit.log.requestId'), children: event.requestId ?? '—' },
          {
            key: 'hash',
            label: t('audit.log.hash'),
            children: event.hash ? (
              <Typography.Text code className="wrap-anywhere">
                #{event.chainSeq} {event.hash}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('audit.log.unsealed')}</Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
