import { Alert, Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_GROUP_KINDS, type DocumentIssue } from './catalog.types';
import type { ProcedureFormValues } from './procedure-form';

/** A key not used by any group yet ("g1", "g2"…). */
function nextKey(groups: ProcedureFormValues['documentGroups']): string {
  const used = new Set((groups ?? []).map((g) => g.key));
  let n = 1;
  while (used.has(`g${n}`)) n++;
  return `g${n}`;
}

/**
 * The dossier's required documents (name, originals, copies) and their groups (issue 9 item 7): alternatives ("one
 * of"), cases with their condition, papers to present. The importer's unresolved findings are listed on top; the
 * administrator groups the documents, then marks each finding as dealt with.
 */
export function RequiredDocumentsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProcedureFormValues>();
  const groups = Form.useWatch('documentGroups', form) ?? [];
  const issues: DocumentIssue[] = Form.useWatch('documentIssues', form) ?? [];
  const docs = Form.useWatch('requiredDocuments', form) ?? [];
  const groupLabel = (g: NonNullable<ProcedureFormValues['documentGroups']>[number]) =>
    `${t(`catalog.documentGroups.kinds.${g.kind}`)}${g.kind === 'conditional' && g.condition ? `: ${g.condition}` : g.label ? `: ${g.label}` : ''}`;

  return (
    <Flex vertical gap={12}>
      <Form.Item name="documentIssues" hidden>
        <input />
      </Form.Item>
      {issues.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="document-issues"
          title={t('catalog.documentGroups.issuesTitle', { count: issues.length })}
          description={
            <Flex vertical gap={4}>
              {issues.map((issue, i) => (
                <Flex key={i} gap={8} align="start" justify="space-between">
                  <Typography.Text className="wrap-anywhere">
                    {t(`catalog.documentGroups.issues.${issue.code}`, { n: issue.document + 1, name: docs[issue.document]?.name ?? issue.raw, raw: issue.raw })}
                  </Typography.Text>
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    onClick={() =>
                      form.setFieldValue(
                        'documentIssues',
                        issues.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('catalog.documentGroups.resolved')}
                  </Button>
                </Flex>
              ))}
            </Flex>
          }
        />
      ) : null}

      <Typography.Text strong>{t('catalog.documentGroups.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('catalog.documentGroups.hint')}</Typography.Text>
      <Form.List name="documentGroups">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => {
              const kind = groups[index]?.kind;
              return (
                <Flex key={field.key} gap={8} wrap align="start" data-testid={`document-group-${index}`}>
                  <Form.Item name={[field.name, 'key']} hidden>
                    <input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} style={{ flex: '0 1 200px', marginBottom: 0 }}>
                    <Select
                      aria-label={t('catalog.documentGroups.kind')}
                      options={DOCUMENT_GROUP_KINDS.map((k) => ({ value: k, label: t(`catalog.documentGroups.kinds.${k}`) }))}
                    />
                  </Form.Item>
                  {kind === 'conditional' ? (
                    <Form.Item
                      name={[field.name, 'condition']}
                      rules={[{ required: true, whitespace: true, message: t('catalog.documentGroups.conditionRequired') }]}
                      style={{ flex: '4 1 260px', marginBottom: 0 }}
                    >
                      <Input aria-label={t('catalog.documentGroups.condition')} placeholder={t('catalog.documentGroups.conditionPlaceholder')} maxLength={1000} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[field.name, 'label']} style={{ flex: '4 1 260px', marginBottom: 0 }}>
                      <Input aria-label={t('catalog.documentGroups.label')} placeholder={t('catalog.documentGroups.labelPlaceholder')} maxLength={500} />
                    </Form.Item>
                  )}
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('common.actions.remove')}
                    onClick={() => {
                      const key = groups[index]?.key;
                      remove(field.name);
                      // Its documents fall back to "must be handed in".
                      form.setFieldValue(
                        'requiredDocuments',
                        docs.map((d) => (d.group === key ? { ...d, group: null } : d)),
                      );
                    }}
                  />
                </Flex>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: nextKey(groups), kind: 'conditional', condition: '' })} data-testid="add-document-group">
              {t('catalog.documentGroups.add')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Typography.Text strong>{t('catalog.documentGroups.documents')}</Typography.Text>
      <Form.List name="requiredDocuments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} wrap align="start" data-testid={`document-${index}`}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('common.validation.required') }]}
                  style={{ flex: '4 1 260px', marginBottom: 0 }}
                >
                  <Input.TextArea
                    aria-label={t('catalog.editor.documentName')}
                    placeholder={t('catalog.editor.documentName')}
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    maxLength={2000}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'group']} style={{ flex: '2 1 200px', marginBottom: 0 }}>
                  <Select
                    allowClear
                    aria-label={t('catalog.documentGroups.group')}
                    placeholder={t('catalog.documentGroups.noGroup')}
                    options={groups.map((g) => ({ value: g.key, label: groupLabel(g) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'originals']} style={{ flex: '0 1 110px', marginBottom: 0 }}>
                  <InputNumber aria-label={t('catalog.editor.originals')} prefix={t('catalog.editor.originalsShort')} min={0} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'copies']} style={{ flex: '0 1 110px', marginBottom: 0 }}>
                  <InputNumber aria-label={t('catalog.editor.copies')} prefix={t('catalog.editor.copiesShort')} min={0} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('common.actions.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ originals: 1, copies: 0, group: null })} data-testid="add-document">
              {t('catalog.editor.addDocument')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Flex>
  );
}
