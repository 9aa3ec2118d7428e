import { useState } from 'react';
import { Button, Card, Checkbox, Col, Flex, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { hasAction } from '../../app/admin-menu';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate } from '../../ui/dates';
import { useMe, useOrgUnits } from './identity.api';
import { IDENTITY_ACTIONS, ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from './identity.types';
import { UnitTree } from './UnitTree';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal';
import { CloseUnitModal } from './CloseUnitModal';
import { usePaging } from '../../ui/usePaging';

/** Organisation units: tree on the left, searchable paged table on the right; create, edit, close. */
export function UnitsPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const { data: me } = useMe();
  const [parentId, setParentId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<OrgUnitKind | undefined>();
  const [includeClosed, setIncludeClosed] = useState(false);
  const { page, pageSize, filtered, pagination } = usePaging();
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [closing, setClosing] = useState<OrgUnit | null>(null);

  const { data, isFetching } = useOrgUnits({ q: q || undefined, kind, parentId: parentId ?? undefined, includeClosed: includeClosed ? 'true' : undefined, page, pageSize });
  const can = (a: string) => hasAction(me?.actions, a);

  return (
    <>
      <PageHeader
        title={t('identity.units.title')}
        extra={
          can(IDENTITY_ACTIONS.createUnit) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parentId })} data-testid="create-unit">
              {parentId ? t('identity.units.createChild') : t('identity.units.create')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <Card
            title={t('identity.units.tree')}
            size="small"
            extra={
              parentId ? (
                <Button size="small" type="link" onClick={() => filtered(setParentId)(null)}>
                  {t('identity.units.showAll')}
                </Button>
              ) : null
            }
          >
            <UnitTree selectedId={parentId} onSelect={filtered(setParentId)} includeClosed={includeClosed} />
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          <Card size="small">
            <Flex wrap gap={8} style={{ marginBottom: 12 }}>
              <Input.Search
                allowClear={clearable}
                placeholder={t('identity.units.searchPlaceholder')}
                aria-label={t('identity.units.searchPlaceholder')}
                onSearch={filtered(setQ)}
                style={{ maxWidth: 320 }}
              />
              <Select
                allowClear
                placeholder={t('identity.units.kind')}
                aria-label={t('identity.units.kind')}
                value={kind}
                onChange={filtered(setKind)}
                options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`identity.kinds.${k}`) }))}
                style={{ minWidth: 180 }}
              />
              <Checkbox checked={includeClosed} onChange={(e) => filtered(setIncludeClosed)(e.target.checked)}>
                {t('identity.units.includeClosed')}
              </Checkbox>
            </Flex>
            <Table<OrgUnit>
              rowKey="id"
              size="middle"
              loading={isFetching}
              dataSource={data?.items ?? []}
              scroll={{ x: 640 }}
              pagination={pagination(data?.total ?? 0)}
              columns={[
                { title: t('identity.units.code'), dataIndex: 'code', width: 130, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
                {
                  title: t('identity.units.name'),
                  dataIndex: 'name',
                  render: (name: string, u) => (
                    <div className="wrap-anywhere">
                      {name} <Tag style={{ marginInlineStart: 4 }}>{t(`identity.kinds.${u.kind}`)}</Tag>
                      {u.parentName ? (
                        <div>
                          <Typography.Text type="secondary">{u.parentName}</Typography.Text>
                        </div>
                      ) : null}
                    </div>
                  ),
                },
                {
                  title: t('identity.units.validity'),
                  width: 120,
                  render: (_, u) =>
                    u.validTo ? (
                      <Tag color="default">{t('identity.units.closedOn', { date: formatDate(u.validTo) })}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('identity.units.since', { date: formatDate(u.validFrom) })}</Typography.Text>
                    ),
                },
                {
                  title: t('common.table.actions'),
                  width: 160,
                  render: (_, u) => (
                    <Flex vertical align="start">
                      {can(IDENTITY_ACTIONS.createUnit) && !u.validTo && (
                        <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'create', parentId: u.id })}>
                          {t('identity.units.addChild')}
                        </Button>
                      )}
                      {can(IDENTITY_ACTIONS.updateUnit) && (
                        <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', unit: u })}>
                          {t('common.actions.edit')}
                        </Button>
                      )}
                      {can(IDENTITY_ACTIONS.closeUnit) && !u.validTo && (
                        <Button type="link" size="small" danger onClick={() => setClosing(u)}>
                          {t('identity.units.close')}
                        </Button>
                      )}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <UnitFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <CloseUnitModal unit={closing} onClose={() => setClosing(null)} />
    </>
  );
}
