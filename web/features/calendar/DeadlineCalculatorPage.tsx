import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { fetchDue } from './calendar.api';
import { DURATION_UNITS, type DueResponse, type DurationUnit, type SkippedDay } from './calendar.types';
import { dateWithWeekday, formatVnInstant, hanoiNow } from './calendar.format';
import { UnitCodePicker } from './UnitCodePicker';

interface CalculatorForm {
  start: Dayjs;
  amount: number;
  unit: DurationUnit;
  orgUnit?: string;
}

/** The desk's deadline calculator: reception instant + processing time → appointment instant and the days not counted. */
export function DeadlineCalculatorPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CalculatorForm>();
  const [asked, setAsked] = useState<CalculatorForm | null>(null);
  const due = useMutation({
    // The picker shows Hà Nội wall-clock time; it is sent as such, with +07:00 (domain README §19 row 1).
    mutationFn: (v: CalculatorForm) => fetchDue({ start: `${v.start.format('YYYY-MM-DDTHH:mm')}:00+07:00`, amount: v.amount, unit: v.unit, orgUnit: v.orgUnit || undefined }),
  });
  const result: DueResponse | undefined = due.data;

  return (
    <>
      <PageHeader title={t('calendar.calculator.title')} subtitle={t('calendar.calculator.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card>
            <Form
              form={form}
              layout="vertical"
              initialValues={{ start: dayjs(hanoiNow()), amount: 5, unit: 'working-days' }}
              onFinish={(v) => {
                setAsked(v);
                due.mutate(v);
              }}
              data-testid="calculator-form"
            >
              <Form.Item
                name="start"
                label={t('calendar.calculator.start')}
                rules={[{ required: true, message: t('common.validation.required') }]}
                extra={t('calendar.calculator.startHelp')}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name="amount" label={t('calendar.calculator.amount')} rules={[{ required: true, message: t('common.validation.required') }]}>
                    <InputNumber min={0.5} max={3650} step={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name="unit" label={t('calendar.calculator.unit')} rules={[{ required: true }]}>
                    <Select options={DURATION_UNITS.map((u) => ({ value: u, label: t(`calendar.units.${u}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="orgUnit" label={t('calendar.calculator.orgUnit')} extra={t('calendar.calculator.orgUnitHelp')}>
                <UnitCodePicker placeholder={t('calendar.calculator.orgUnitPlaceholder')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={due.isPending} block data-testid="calculate">
                {t('calendar.calculator.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {due.error ? <Alert type="error" showIcon title={due.error.message} data-testid="calculator-error" /> : null}
          {result && asked ? (
            <Card data-testid="calculator-result">
              <Typography.Text type="secondary">{t('calendar.calculator.dueLabel')}</Typography.Text>
              <Typography.Title level={2} style={{ marginTop: 4, fontSize: 24 }} data-testid="due-instant">
                {formatVnInstant(t, result.due)}
              </Typography.Title>
              {result.provisional ? (
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="calculator-provisional" title={t('calendar.calculator.provisional')} />
              ) : null}
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('calendar.calculator.duration')}>{t(`calendar.duration.${asked.unit}`, { count: asked.amount })}</Descriptions.Item>
                <Descriptions.Item label={t('calendar.calculator.received')}>{formatVnInstant(t, result.start)}</Descriptions.Item>
                {result.clockStart !== result.start ? (
                  <Descriptions.Item label={t('calendar.calculator.clockStart')}>
                    {formatVnInstant(t, result.clockStart)} <Tag>{t('calendar.calculator.outsideHours')}</Tag>
                  </Descriptions.Item>
                ) : null}
                {result.unitHours ? <Descriptions.Item label={t('calendar.calculator.hoursUsed')}>{t('calendar.calculator.unitHours')}</Descriptions.Item> : null}
              </Descriptions>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('calendar.calculator.skippedTitle', { count: result.skipped.length })}
              </Typography.Title>
              <Table
                rowKey="date"
                size="small"
                pagination={false}
                data-testid="skipped-table"
                dataSource={result.skipped}
                locale={{ emptyText: t('calendar.calculator.noSkipped') }}
                columns={[
                  { title: t('calendar.entry.date'), dataIndex: 'date', width: 190, render: (d: string) => dateWithWeekday(t, d) },
                  {
                    title: t('calendar.entry.reason'),
                    key: 'reason',
                    // The server already words weekly rest days ("Ngày nghỉ hằng tuần (Thứ Bảy)"); days off get their kind as a tag.
                    render: (_: unknown, s: SkippedDay) =>
                      s.kind === 'weekend' ? (
                        <Typography.Text type="secondary">{s.reason}</Typography.Text>
                      ) : (
                        <>
                          <Tag color="red">{t(`calendar.skippedKinds.${s.kind}`)}</Tag>
                          {s.reason}
                        </>
                      ),
                  },
                  { title: t('calendar.entry.reference'), dataIndex: 'reference', render: (r: string | null) => r ?? '—' },
                ]}
              />
            </Card>
          ) : !due.error ? (
            <Card>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('calendar.calculator.empty')}
              </Typography.Paragraph>
            </Card>
          ) : null}
        </Col>
      </Row>
    </>
  );
}
