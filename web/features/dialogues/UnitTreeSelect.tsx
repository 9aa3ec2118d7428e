import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { looselyIncludes } from '../../ui/text';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import type { OrgUnitNode } from '../identity/identity.types';

interface UnitOption {
  value: string;
  title: string;
  children: UnitOption[];
}

const toOptions = (nodes: OrgUnitNode[]): UnitOption[] => nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

/** The subtrees of `nodes` rooted at the units of `roots`. */
const subtrees = (nodes: OrgUnitNode[], roots: ReadonlySet<string>): OrgUnitNode[] => nodes.flatMap((n) => (roots.has(n.id) ? [n] : subtrees(n.children, roots)));

/** The roles that run dialogues in their units (the server's dialogues.manage: specialists and leaders). */
const MANAGING_ROLES: readonly string[] = ['specialist', 'leader'];

interface UnitTreeSelectProps {
  value?: string;
  onChange?: (unitId: string | undefined) => void;
  /** `managed`: only the units the officer organises dialogues in (the server refuses others); `all`: the province. */
  scope: 'managed' | 'all';
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  testId?: string;
}

/** Picks a unit of the province's tree, searched without diacritics; used inside a Form.Item (value/onChange/id). */
export function UnitTreeSelect({ value, onChange, scope, id, placeholder, allowClear, testId, ...rest }: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: tree, isPending } = useOrgUnitTree();
  const treeData = useMemo(() => {
    const grants = me?.grants ?? [];
    if (scope === 'all') return toOptions(tree?.items ?? []);
    const roots = new Set(grants.filter((g) => MANAGING_ROLES.includes(g.role)).map((g) => g.orgUnitId));
    if (tree) return toOptions(subtrees(tree.items, roots));
    // Until the tree arrives, the granted units themselves.
    return [...roots].map((unitId) => ({ value: unitId, title: grants.find((g) => g.orgUnitId === unitId)!.orgUnitName, children: [] }));
  }, [tree, me, scope]);

  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      placeholder={placeholder}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isPending}
      allowClear={allowClear}
      showSearch={{ filterTreeNode: (input, node) => looselyIncludes(typeof node.title === 'string' ? node.title : '', input) }}
      treeDefaultExpandAll={scope === 'managed'}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      notFoundContent={t('common.empty')}
      data-testid={testId}
    />
  );
}
