import { Card, Col, Flex, Input, Row, Skeleton, Typography } from 'antd';
import { FolderOpenOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { Link, useNavigate } from 'react-router';
import { useFields } from '../catalog/catalog.api';
import { PageTitle } from '../../ui/PageTitle';

/** Portal home: a search box and shortcuts to each field (lĩnh vực) with its number of procedures. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const navigate = useNavigate();
  const { data: fields, isPending } = useFields();

  return (
    <Flex vertical gap={24}>
      <div style={{ background: 'linear-gradient(135deg, #fff8e1 0%, #ffffff 60%)', borderRadius: 12, padding: '28px 20px', border: '1px solid #f0e0b0' }}>
        <PageTitle look={2} documentTitle={t('portal.header.home')} style={{ marginBottom: 12 }}>
          {t('portal.home.title')}
        </PageTitle>
        <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
          {t('portal.home.subtitle')}
        </Typography.Paragraph>
        <Input.Search
          size="large"
          allowClear={clearable}
          enterButton={<SearchOutlined aria-label={t('portal.search.submit')} />}
          placeholder={t('portal.home.searchPlaceholder')}
          aria-label={t('portal.home.searchPlaceholder')}
          onSearch={(q) => void navigate(q.trim() ? `/thu-tuc?q=${encodeURIComponent(q.trim())}` : '/thu-tuc')}
          style={{ maxWidth: 720 }}
          data-testid="home-search"
        />
      </div>
      <div>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          {t('portal.home.fields')}
        </Typography.Title>
        {isPending ? (
          <Skeleton active />
        ) : (
          <Row gutter={[12, 12]}>
            {(fields?.items ?? []).map((f) => (
              <Col key={f.name} xs={24} sm={12} md={8} lg={6}>
                <Link to={`/thu-tuc?field=${encodeURIComponent(f.name)}`} style={{ display: 'block', height: '100%' }}>
                  <Card hoverable size="small" style={{ height: '100%' }}>
                    <Flex gap={12} align="center">
                      <FolderOpenOutlined style={{ fontSize: 22, color: '#a4161a' }} />
                      <div style={{ minWidth: 0 }}>
                        <Typography.Text strong className="wrap-anywhere">
                          {f.name}
                        </Typography.Text>
                        <div>
                          <Typography.Text type="secondary">{t('portal.home.procedureCount', { n: f.count })}</Typography.Text>
                        </div>
                      </div>
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </div>
    </Flex>
  );
}
