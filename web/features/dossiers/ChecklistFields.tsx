import { Checkbox, Flex, Form, InputNumber, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentGroup } from '../catalog/catalog.types';
import { tickRow, type ChecklistRow } from './intake-form';

/** Holds a form value that has no input of its own. */
function Registered(_: { value?: unknown; onChange?: unknown }) {
  return null;
}

/** The paper counts of a row, in Mẫu 01's column order: originals, certified copies, copies (Tab walks them in this order). */
const COUNTS = ['originals', 'certifiedCopies', 'copies'] as const;

interface Props {
  groups: readonly DocumentGroup[];
}

/**
 * The procedure's required documents, by how the desk treats them (issue 9 item 7): documents every applicant hands
 * in; alternatives (tick the one handed in: ticking one unticks the others); cases (tick the case when it applies,
 * then its papers); papers to present (tick when seen, they are given back). Space ticks, Tab moves to the counts of
 * originals, certified copies and copies.
 */
export function ChecklistFields({ groups }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('checklist', form) ?? []) as ChecklistRow[];
  const conditions = (Form.useWatch('conditions', form) ?? []) as string[];

  // Registered (so they are watched and reset like any field); the sections below edit them.
  const registered = (
    <>
      <Form.Item name="checklist" noStyle>
        <Registered />
      </Form.Item>
      <Form.Item name="conditions" noStyle>
        <Registered />
      </Form.Item>
    </>
  );
  if (rows.length === 0) {
    return (
      <>
        {registered}
        <Typography.Text type="secondary">{t('dossiers.intake.noDocuments')}</Typography.Text>
      </>
    );
  }

  const setCondition = (key: string, on: boolean) => {
    form.setFieldValue('conditions', on ? [...conditions, key] : conditions.filter((k) => k !== key));
    // Papers of a case that no longer applies are not received.
    if (!on)
      form.setFieldValue(
        'checklist',
        rows.map((r) => (r.group === key ? { ...r, included: false } : r)),
      );
  };

  const row = (index: number, disabled = false) => {
    const r = rows[index]!;
    const present = r.kind === 'to-present';
    return (
      <li key={index} style={{ marginBottom: 8 }}>
        <Flex gap={12} wrap align="flex-start" justify="space-between">
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Checkbox
              data-testid={`doc-${index}`}
              checked={r.included}
              disabled={disabled}
              onChange={(e) => form.setFieldValue('checklist', tickRow(rows, index, e.target.checked))}
              style={{ alignItems: 'flex-start' }}
            >
              <span className="wrap-anywhere">{r.name}</span>
              {present ? (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {t('dossiers.intake.seen')}
                </Tag>
              ) : null}
            </Checkbox>
            {r.note ? (
              <div style={{ paddingInlineStart: 24 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.note}
                </Typography.Text>
              </div>
            ) : null}
          </div>
          {present ? null : (
            <Flex gap={8} align="center" wrap>
              {COUNTS.map((count) => (
                <Flex key={count} gap={4} align="center">
                  <Form.Item name={['checklist', index, count]} noStyle>
                    <InputNumber
                      min={0}
                      max={100}
                      precision={0}
                      size="small"
                      style={{ width: 56 }}
                      disabled={disabled}
                      aria-label={t(`dossiers.intake.${count}Of`, { n: index + 1 })}
                    />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`dossiers.intake.${count}Short`)}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          )}
        </Flex>
      </li>
    );
  };
  const indexesOf = (pred: (r: ChecklistRow) => boolean) => rows.flatMap((r, i) => (pred(r) ? [i] : []));
  const section = (key: string, title: React.ReactNode, hint: string | null, items: React.ReactNode) => (
    <section key={key} data-testid={`checklist-${key}`} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {hint ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {hint}
        </Typography.Text>
      ) : null}
      <ol style={{ margin: '6px 0 0', paddingInlineStart: 20 }}>{items}</ol>
    </section>
  );

  const required = indexesOf((r) => r.kind === 'required');
  return (
    <div data-testid="checklist">
      {registered}
      {required.length > 0
        ? section(
            'required',
            t('dossiers.intake.groups.required'),
            null,
            required.map((i) => row(i)),
          )
        : null}
      {groups.map((g) => {
        const items = indexesOf((r) => r.group === g.key);
        if (items.length === 0) return null;
        if (g.kind === 'one-of')
          return section(
            g.key,
            g.label ?? t('dossiers.intake.groups.oneOf'),
            t('dossiers.intake.groups.oneOfHint'),
            items.map((i) => row(i)),
          );
        if (g.kind === 'to-present')
          return section(
            g.key,
            g.label ?? t('dossiers.intake.groups.toPresent'),
            t('dossiers.intake.groups.toPresentHint'),
            items.map((i) => row(i)),
          );
        const on = conditions.includes(g.key);
        return section(
          g.key,
          <Checkbox checked={on} onChange={(e) => setCondition(g.key, e.target.checked)} data-testid={`case-${g.key}`}>
            <span className="wrap-anywhere">{t('dossiers.intake.groups.caseApplies', { condition: g.condition })}</span>
          </Checkbox>,
          on ? null : t('dossiers.intake.groups.caseHint'),
          items.map((i) => row(i, !on)),
        );
      })}
    </div>
  );
}
