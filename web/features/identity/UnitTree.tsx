import { useMemo } from 'react';
import { Empty, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { useOrgUnitTree } from './identity.api';
import type { OrgUnitNode } from './identity.types';

/** The organisation as a tree; selecting a unit narrows the table to its direct children. */
export function UnitTree({ selectedId, onSelect, includeClosed }: { selectedId: string | null; onSelect: (id: string | null) => void; includeClosed: boolean }) {
  const { t } = useTranslation();
  const { data, isPending } = useOrgUnitTree(includeClosed);

  const treeData = useMemo(() => {
    const convert = (nodes: OrgUnitNode[]): DataNode[] =>
      nodes.map((n) => ({
        key: n.id,
        title: (
          <span className="wrap-anywhere">
            {n.name}
            {n.validTo ? (
              <Tag color="default" style={{ marginInlineStart: 6 }}>
                {t('identity.units.closed')}
              </Tag>
            ) : null}
          </span>
        ),
        children: convert(n.children),
      }));
    return convert(data?.items ?? []);
  }, [data, t]);

  if (isPending) return <Spin />;
  if (treeData.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <Tree
      showLine
      blockNode
      // Virtual scrolling keeps a province-sized tree (hundreds of units) fast and the page short.
      height={620}
      defaultExpandedKeys={(data?.items ?? []).map((n) => n.id)}
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : null)}
    />
  );
}
