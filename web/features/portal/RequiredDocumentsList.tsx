import { Fragment } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentGroup, RequiredDocument } from '../catalog/catalog.types';

/**
 * The dossier's documents, each with its number of originals and copies, under their group (issue 9 item 7: "one of
 * the following", "in the case of …", "to present") or, for documents in no group, their published case heading.
 */
export function RequiredDocumentsList({ documents, groups: documentGroups = [], note }: { documents: RequiredDocument[]; groups?: DocumentGroup[]; note: string | null }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <Typography.Text type="secondary">{t('portal.detail.notStated')}</Typography.Text>;
  const byKey = new Map(documentGroups.map((g) => [g.key, g]));
  const headingOf = (d: RequiredDocument): string => {
    const g = d.group ? byKey.get(d.group) : undefined;
    if (!g) return d.case ?? '';
    if (g.kind === 'one-of') return g.label ?? t('portal.detail.groups.oneOf');
    if (g.kind === 'to-present') return g.label ?? t('portal.detail.groups.toPresent');
    return t('portal.detail.groups.case', { condition: g.condition });
  };
  const groups = new Map<string, RequiredDocument[]>();
  for (const d of documents) {
    const key = headingOf(d);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  let n = 0;
  return (
    <Flex vertical gap={8}>
      {[...groups.entries()].map(([group, docs]) => (
        <Fragment key={group}>
          {group ? (
            <Typography.Text strong style={{ marginTop: 4 }}>
              {group}
            </Typography.Text>
          ) : null}
          <ol start={n + 1} style={{ margin: 0, paddingInlineStart: 22 }}>
            {docs.map((d, i) => {
              n += 1;
              return (
                <li key={i} className="wrap-anywhere" style={{ marginBottom: 6 }} data-testid="required-document">
                  <span>{d.name}</span>
                  <div>
                    {d.originals !== null ? <Tag color="blue">{t('portal.detail.originals', { n: d.originals })}</Tag> : null}
                    {d.copies !== null ? <Tag>{t('portal.detail.copies', { n: d.copies })}</Tag> : null}
                  </div>
                  {d.note ? <Typography.Text type="secondary">{d.note}</Typography.Text> : null}
                </li>
              );
            })}
          </ol>
        </Fragment>
      ))}
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Flex>
  );
}
