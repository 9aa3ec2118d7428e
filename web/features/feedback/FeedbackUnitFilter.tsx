import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { looselyIncludes } from '../../ui/text';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import type { OrgUnitNode } from '../identity/identity.types';
import { HANDLING_ROLES, PROVINCE_READER_ROLES } from './feedback.types';

interface UnitOption {
  value: string;
  title: string;
  children: UnitOption[];
}

const toOptions = (nodes: OrgUnitNode[]): UnitOption[] => nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

/** The subtrees of `nodes` rooted at the units of `roots` (a root's own subtree already holds any root below it). */
export function coveredSubtrees(nodes: OrgUnitNode[], roots: ReadonlySet<string>): OrgUnitNode[] {
  return nodes.flatMap((n) => (roots.has(n.id) ? [n] : coveredSubtrees(n.children, roots)));
}

/**
 * Filters the queue by assigned unit, offering only the units whose items the officer reads (the server refuses any
 * other with 403): the whole province for its readers, else the units under the officer's handling grants.
 */
export function FeedbackUnitFilter({ value, onChange }: { value: string | undefined; onChange: (unitId: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: tree, isPending } = useOrgUnitTree();
  const treeData = useMemo(() => {
    const grants = me?.grants ?? [];
    const province = grants.some((g) => PROVINCE_READER_ROLES.includes(g.role));
    const roots = new Set(grants.filter((g) => HANDLING_ROLES.includes(g.role)).map((g) => g.orgUnitId));
    if (tree) return toOptions(province ? tree.items : coveredSubtrees(tree.items, roots));
    // Until the tree arrives, the granted units themselves.
    return [...roots].map((id) => ({ value: id, title: grants.find((g) => g.orgUnitId === id)!.orgUnitName, children: [] }));
  }, [tree, me]);

  return (
    <TreeSelect
      aria-label={t('feedback.queue.unitFilter')}
      placeholder={t('feedback.queue.allUnits')}
      value={value}
      onChange={(v: string | undefined) => onChange(v ?? undefined)}
      treeData={treeData}
      loading={isPending}
      allowClear
      showSearch={{ filterTreeNode: (input, node) => looselyIncludes(typeof node.title === 'string' ? node.title : '', input) }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={{ width: 280, maxWidth: '100%' }}
      notFoundContent={t('common.empty')}
      data-testid="feedback-unit-filter"
    />
  );
}
