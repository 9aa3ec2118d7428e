import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchOfficeHoursImpact, fetchUnitHoursImpact, useOfficeHours, useUnitHours, useUpdateOfficeHours, useUpdateUnitHours } from './calendar.api';
import { WEEKDAYS, type UnitHours, type WeeklyHours } from './calendar.types';
import { periodsText } from './calendar.format';
import { ConfirmChangeModal } from './ConfirmChangeModal';
import { HoursFormModal } from './HoursFormModal';

/** A change of office hours waiting for the administrator to confirm its impact. */
interface PendingHours {
  scope: 'province' | 'unit';
  code?: string;
  label?: string;
  /** null removes a unit's own hours. */
  hours: WeeklyHours | null;
}

/** Office hours per weekday as a compact two-column list. */
function WeekTable({ hours }: { hours: WeeklyHours }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="day"
      pagination={false}
      showHeader={false}
      dataSource={WEEKDAYS.map((d) => ({ day: d, text: hours[d].length ? periodsText(hours[d]) : t('calendar.hours.restDay') }))}
      columns={[
        { dataIndex: 'day', width: 140, render: (d: string) => t(`calendar.weekdays.${d}`) },
        { dataIndex: 'text', render: (text: string, row) => (hours[row.day].length ? text : <Typography.Text type="secondary">{text}</Typography.Text>) },
      ]}
    />
  );
}

/** The province's office hours and the units with their own (domain README §19 row 2). */
export function HoursPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const office = useOfficeHours();
  const units = useUnitHours();
  const updateOffice = useUpdateOfficeHours();
  const updateUnit = useUpdateUnitHours();
  const [editing, setEditing] = useState<{ scope: 'province' } | { scope: 'unit'; unit?: UnitHours } | null>(null);
  const [pending, setPending] = useState<PendingHours | null>(null);

  const provinceHours = office.data?.weeklyHours;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('calendar.hours.provinceTitle')}
        loading={office.isPending}
        data-testid="province-hours"
        extra={
          canManage && provinceHours ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing({ scope: 'province' })}>
              {t('common.actions.edit')}
            </Button>
          ) : null
        }
      >
        {provinceHours ? <WeekTable hours={provinceHours} /> : null}
      </Card>
      <Card
        title={t('calendar.hours.unitsTitle')}
        loading={units.isPending}
        extra={
          canManage ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ scope: 'unit' })}>
              {t('calendar.hours.addUnit')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('calendar.hours.unitsHelp')}</Typography.Paragraph>
        <Table
          rowKey="orgUnitCode"
          size="small"
          pagination={false}
          dataSource={units.data?.items ?? []}
          locale={{ emptyText: t('calendar.hours.noUnits') }}
          columns={[
            { title: t('calendar.hours.unit'), key: 'unit', render: (_: unknown, u: UnitHours) => (u.label ? `${u.label} (${u.orgUnitCode})` : u.orgUnitCode) },
            {
              title: t('calendar.hours.hours'),
              key: 'hours',
              render: (_: unknown, u: UnitHours) =>
                WEEKDAYS.filter((d) => u.weeklyHours[d].length).map((d) => (
                  <div key={d}>
                    {t(`calendar.weekdaysShort.${d}`)}: {periodsText(u.weeklyHours[d])}
                  </div>
                )),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.table.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, u: UnitHours) => (
                      <Space>
                        <Button size="small" icon={<EditOutlined />} aria-label={t('common.actions.edit')} onClick={() => setEditing({ scope: 'unit', unit: u })} />
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.actions.remove')}
                          onClick={() => setPending({ scope: 'unit', code: u.orgUnitCode, hours: null })}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {editing && provinceHours ? (
        <HoursFormModal
          open
          title={editing.scope === 'province' ? t('calendar.hours.editProvince') : t('calendar.hours.editUnit')}
          hours={editing.scope === 'unit' && editing.unit ? editing.unit.weeklyHours : provinceHours}
          unit={editing.scope === 'unit' ? { code: editing.unit?.orgUnitCode, label: editing.unit?.label } : undefined}
          onClose={() => setEditing(null)}
          onSubmit={({ hours, code, label }) => setPending({ scope: editing.scope, hours, code, label })}
        />
      ) : null}
      {pending ? (
        <ConfirmChangeModal
          open
          title={
            pending.scope === 'province'
              ? t('calendar.hours.confirmProvince')
              : pending.hours
                ? t('calendar.hours.confirmUnit', { code: pending.code })
                : t('calendar.hours.confirmRemove', { code: pending.code })
          }
          okText={t('common.actions.confirm')}
          impactKey={['hours', pending.scope, pending.code ?? '', JSON.stringify(pending.hours)]}
          loadImpact={() => (pending.scope === 'province' ? fetchOfficeHoursImpact(pending.hours!) : fetchUnitHoursImpact(pending.code!, pending.hours))}
          onClose={() => setPending(null)}
          onConfirm={async (reason, acknowledgedImpact) => {
            if (pending.scope === 'province') await updateOffice.mutateAsync({ weeklyHours: pending.hours!, reason, acknowledgedImpact });
            else await updateUnit.mutateAsync({ code: pending.code!, weeklyHours: pending.hours, ...(pending.label ? { label: pending.label } : {}), reason, acknowledgedImpact });
            void message.success(t('calendar.hours.saved'));
          }}
        />
      ) : null}
    </Space>
  );
}
