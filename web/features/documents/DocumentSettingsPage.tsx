import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Form, Input, Result, Row, Select, Skeleton, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { looselyIncludes } from '../../ui/text';
import { CONG_VAN_CODE, DEFAULT_SERIES_KEY, DOCUMENT_LIMITS as L, DOCUMENT_TYPES } from '../../../contracts/documents/documents.values';
import type { DocumentSettings, DocumentSettingsRequest } from '../../../contracts/documents/documents.contracts';
import { CardHeading } from '../submissions/CardHeading';
import { useMe } from '../identity/identity.api';
import { useDocumentSettings, useDocumentTypes, useSaveDocumentSettings } from './documents.api';
import { DocumentUnitSelect, grantedUnits } from './DocumentUnitSelect';
import { isConflict, StaleNotice } from './StaleNotice';

/** The roles that set a unit's document settings (server: documents.policy.ts manageSettings). */
const ADMIN_ROLES = ['system-admin', 'unit-admin'];
const ABBREVIATION = /^[\p{L}\p{N}]+$/u;
const SERIES_KEY = /^[a-z0-9-]+$/;

type SeriesValues = { key?: string; name?: string; typeCodes?: DocumentSettingsRequest['series'][number]['typeCodes'] };
/** The form's values; names follow the API's fields so its 400s land on them. */
interface SettingsValues {
  issuerAbbreviation?: string;
  series?: SeriesValues[];
}

/** The request from the form: texts trimmed, on the version the administrator saw. */
export function toSettingsRequest(v: SettingsValues, version: number): DocumentSettingsRequest {
  return {
    issuerAbbreviation: (v.issuerAbbreviation ?? '').trim(),
    series: (v.series ?? []).map((s) => ({ key: (s.key ?? '').trim(), name: (s.name ?? '').trim(), typeCodes: s.typeCodes ?? [] })),
    version,
  };
}

/** The first problem of the series as a whole (the contract's refinements), as an i18n key; null when none. */
export function seriesProblem(series: SeriesValues[]): string | null {
  const keys = series.map((s) => (s?.key ?? '').trim());
  if (!keys.includes(DEFAULT_SERIES_KEY)) return 'documents.settings.errors.seriesChung';
  if (new Set(keys).size !== keys.length) return 'documents.settings.errors.seriesDuplicate';
  const codes = series.flatMap((s) => s?.typeCodes ?? []);
  if (new Set(codes).size !== codes.length) return 'documents.settings.errors.seriesTypeTwice';
  return null;
}

const printed = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * What the next numbers of the year would look like with these settings: a decision ("01/QĐ-STP", its type
 * abbreviation then the body's) and a công văn ("01/STP-<drafting unit>"), each with the series that numbers it.
 */
export function previewOf(abbreviation: string, series: SeriesValues[], draftingLabel: string, seriesLabel: (name: string) => string): string {
  const issuer = abbreviation.trim() || '…';
  const seriesOf = (code: string) => series.find((s) => s?.typeCodes?.includes(code as never)) ?? series.find((s) => s?.key === DEFAULT_SERIES_KEY);
  return (['QD', CONG_VAN_CODE] as const)
    .map((code) => {
      const type = DOCUMENT_TYPES.find((t) => t.code === code)!;
      const symbol = type.abbreviation ? `${type.abbreviation}-${issuer}` : `${issuer}-${draftingLabel}`;
      const s = seriesOf(code);
      return `${type.name}: ${printed(1)}/${symbol}${s?.name ? ` (${seriesLabel(s.name)})` : ''}`;
    })
    .join(' · ');
}

function SettingsForm({ unitId, settings, onReload, reloading }: { unitId: string; settings: DocumentSettings; onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<SettingsValues>();
  const { data: types, isPending: typesPending } = useDocumentTypes();
  const save = useSaveDocumentSettings(unitId);
  const [stale, setStale] = useState<string | null>(null);
  const abbreviation = Form.useWatch('issuerAbbreviation', form) ?? settings.issuerAbbreviation;
  const series = Form.useWatch('series', form) ?? settings.series;
  const chungRow = settings.series.findIndex((s) => s.key === DEFAULT_SERIES_KEY);
  const typeOptions = useMemo(() => (types?.items ?? DOCUMENT_TYPES).map((ty) => ({ value: ty.code, label: ty.name })), [types]);

  const submit = async (values: SettingsValues) => {
    setStale(null);
    try {
      await save.mutateAsync(toSettingsRequest(values, settings.version));
      void message.success(t('documents.settings.saved'));
    } catch (err) {
      if (isConflict(err)) {
        setStale((err as Error).message);
        return;
      }
      showError(err, form);
    }
  };

  const required = { required: true, whitespace: true, message: t('documents.validation.required') };
  const max = (n: number) => ({ max: n, message: t('documents.validation.max', { max: n }) });

  return (
    <Form<SettingsValues>
      form={form}
      name="document-settings"
      layout="vertical"
      initialValues={{ issuerAbbreviation: settings.issuerAbbreviation, series: settings.series }}
      onFinish={(v) => void submit(v)}
      data-testid="settings-form"
    >
      <Flex vertical gap={16}>
        {stale !== null ? <StaleNotice message={stale} onReload={onReload} reloading={reloading} testId="settings-stale" of="settings" /> : null}
        {settings.version === 0 ? (
          <Typography.Text type="secondary" data-testid="settings-defaults">
            {t('documents.settings.defaults')}
          </Typography.Text>
        ) : null}
        <Card size="small" title={<CardHeading>{t('documents.settings.abbreviationSection')}</CardHeading>}>
          <Form.Item
            name="issuerAbbreviation"
            label={t('documents.settings.abbreviation')}
            extra={t('documents.settings.abbreviationHint')}
            rules={[required, max(L.abbreviationMax), { pattern: ABBREVIATION, message: t('documents.settings.errors.abbreviation') }]}
          >
            <Input maxLength={L.abbreviationMax} autoComplete="off" style={{ maxWidth: 320 }} data-testid="settings-abbreviation" />
          </Form.Item>
        </Card>

        <Card size="small" title={<CardHeading>{t('documents.settings.seriesSection')}</CardHeading>}>
          <Typography.Paragraph type="secondary">{t('documents.settings.seriesHint')}</Typography.Paragraph>
          <Form.List
            name="series"
            rules={[
              {
                validator: async (_, value: SeriesValues[] | undefined) => {
                  const problem = seriesProblem(value ?? []);
                  if (problem) throw new Error(t(problem));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => {
                  // The row of `chung` as read (rows added later keep higher keys): its key is fixed and it cannot be removed.
                  const isChung = field.key === chungRow;
                  return (
                    <Row
                      key={field.key}
                      gutter={12}
                      align="top"
                      // Rows stack on a phone: a rule between series tells where one ends.
                      style={index > 0 ? { borderTop: '1px solid var(--ant-color-split, #f0f0f0)', paddingTop: 12 } : undefined}
                      data-testid={`settings-series-${index}`}
                    >
                      <Col xs={24} md={5}>
                        <Form.Item
                          name={[field.name, 'key']}
                          label={t('documents.settings.seriesKey')}
                          rules={[required, max(L.seriesKeyMax), { pattern: SERIES_KEY, message: t('documents.settings.errors.seriesKey') }]}
                        >
                          <Input maxLength={L.seriesKeyMax} autoComplete="off" readOnly={isChung} data-testid={`settings-series-key-${index}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={7}>
                        <Form.Item name={[field.name, 'name']} label={t('documents.settings.seriesName')} rules={[required, max(L.nameMax)]}>
                          <Input maxLength={L.nameMax} autoComplete="off" data-testid={`settings-series-name-${index}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={10}>
                        <Form.Item name={[field.name, 'typeCodes']} label={t('documents.settings.seriesTypes')} extra={isChung ? t('documents.settings.chungHint') : undefined}>
                          <Select
                            mode="multiple"
                            allowClear
                            loading={typesPending}
                            // Searched without diacritics, by name or abbreviation ("chi thi", "CT").
                            showSearch={{ filterOption: (input, option) => looselyIncludes(`${option?.label ?? ''} ${option?.value ?? ''}`, input) }}
                            options={typeOptions}
                            placeholder={isChung ? t('documents.settings.chungPlaceholder') : t('documents.settings.typesPlaceholder')}
                            notFoundContent={t('common.empty')}
                            data-testid={`settings-series-types-${index}`}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={2}>
                        <Form.Item label={<span className="visually-hidden">{t('documents.settings.removeSeries')}</span>} colon={false}>
                          <Button
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('documents.settings.removeSeriesNamed', { name: form.getFieldValue(['series', field.name, 'name']) ?? '' })}
                            title={isChung ? t('documents.settings.chungStays') : t('documents.settings.removeSeries')}
                            disabled={isChung}
                            onClick={() => remove(field.name)}
                            data-testid={`settings-series-remove-${index}`}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  );
                })}
                <Form.ErrorList errors={errors} />
                <div>
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    disabled={fields.length >= L.seriesMax}
                    onClick={() => add({ key: '', name: '', typeCodes: [] })}
                    data-testid="settings-series-add"
                  >
                    {t('documents.settings.addSeries')}
                  </Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={<CardHeading>{t('documents.settings.previewSection')}</CardHeading>}>
          <Typography.Text className="wrap-anywhere" data-testid="settings-preview">
            {previewOf(abbreviation ?? '', series ?? [], t('documents.settings.draftingUnit'), (name) => t('documents.settings.inSeries', { name }))}
          </Typography.Text>
        </Card>

        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={save.isPending} data-testid="settings-submit">
            {t('documents.settings.submit')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/**
 * `/admin/documents/settings`: the administrator of a body sets its abbreviation in the ký hiệu ("05/QĐ-STP",
 * "15/STP-VP") and its numbering series (NĐ 30/2020/NĐ-CP Điều 15: `chung` numbers every type no other series names).
 * Saved on the version read (0 while the unit has none); when someone saved first (409) the page offers a reload.
 */
export function DocumentSettingsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const system = !!me?.grants.some((g) => g.role === 'system-admin');
  const units = useMemo(() => grantedUnits(me?.grants ?? [], ADMIN_ROLES), [me]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const unitId = chosen ?? units[0]?.value;
  const settings = useDocumentSettings(unitId);

  const header = <PageHeader title={t('documents.settings.title')} subtitle={t('documents.settings.subtitle')} />;
  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (units.length === 0) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Result
          status="info"
          title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('documents.settings.noUnitTitle')}</h2>}
          subTitle={t('documents.settings.noUnitText')}
          data-testid="settings-no-unit"
        />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      {header}
      <Form layout="vertical" component="div">
        <Form.Item label={t('documents.settings.unit')} htmlFor="settings-unit" style={{ maxWidth: 480, marginBottom: 0 }}>
          <DocumentUnitSelect id="settings-unit" scope={system ? 'all' : 'covered'} roles={ADMIN_ROLES} value={unitId} onChange={(v) => v && setChosen(v)} testId="settings-unit" />
        </Form.Item>
      </Form>
      {settings.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : settings.isError || !settings.data ? (
        <Empty description={t('documents.settings.loadFailed')} data-testid="settings-load-failed" />
      ) : (
        <SettingsForm
          key={`${unitId}:${settings.data.version}:${settings.dataUpdatedAt}`}
          unitId={unitId!}
          settings={settings.data}
          onReload={() => void settings.refetch()}
          reloading={settings.isFetching}
        />
      )}
    </Flex>
  );
}
