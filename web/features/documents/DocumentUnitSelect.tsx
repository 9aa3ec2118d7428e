import { useMemo, type CSSProperties } from 'react';
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

/** The subtrees of `nodes` rooted at the units of `roots` (a root's own subtree already holds any root below it). */
export function coveredSubtrees(nodes: OrgUnitNode[], roots: ReadonlySet<string>): OrgUnitNode[] {
  return nodes.flatMap((n) => (roots.has(n.id) ? [n] : coveredSubtrees(n.children, roots)));
}

/** The chain of units from a root of the tree down to `unitId` (empty when it is not in the tree). */
function pathTo(nodes: OrgUnitNode[], unitId: string): OrgUnitNode[] {
  for (const n of nodes) {
    if (n.id === unitId) return [n];
    const below = pathTo(n.children, unitId);
    if (below.length) return [n, ...below];
  }
  return [];
}

/**
 * The body whose registers a unit's documents go to (docs/api-plan-documents.md "The register owner"): the unit itself,
 * or for a division (phòng) the nearest unit above it that is not one.
 */
export function bodyOf(nodes: OrgUnitNode[], unitId: string): { value: string; label: string } | null {
  const body = pathTo(nodes, unitId)
    .filter((n) => n.kind !== 'division')
    .at(-1);
  return body ? { value: body.id, label: body.name } : null;
}

/** Whether `unitId` is `ancestorId` or below it. */
export function isWithinUnit(nodes: OrgUnitNode[], unitId: string, ancestorId: string): boolean {
  return pathTo(nodes, unitId).some((n) => n.id === ancestorId);
}

/** The roles that work with documents (docs/api-plan-documents.md "Roles"): the register's keeper, leaders, specialists. */
export const DOCUMENT_ROLES: readonly string[] = ['clerk', 'leader', 'specialist'];

/** The units whose documents an officer with these roles works with, roots first (grant order, no repeats). */
export function grantedUnits(grants: ReadonlyArray<{ role: string; orgUnitId: string; orgUnitName: string }>, roles: readonly string[]): Array<{ value: string; label: string }> {
  const seen = new Map<string, string>();
  for (const g of grants) if (roles.includes(g.role) && !seen.has(g.orgUnitId)) seen.set(g.orgUnitId, g.orgUnitName);
  return [...seen].map(([value, label]) => ({ value, label }));
}

interface DocumentUnitSelectProps {
  value?: string;
  onChange?: (unitId: string | undefined) => void;
  /**
   * `covered`: the units (and their subtrees) where the officer holds one of `roles`, the only ones the server accepts;
   * `all`: the province (recipients of an outgoing document).
   */
  scope: 'covered' | 'all';
  roles?: readonly string[];
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  testId?: string;
  style?: CSSProperties;
}

/** Picks one unit of the province's tree, searched without diacritics; usable inside a Form.Item (value/onChange/id). */
export function DocumentUnitSelect({ value, onChange, scope, roles = DOCUMENT_ROLES, id, placeholder, allowClear, testId, style, ...rest }: DocumentUnitSelectProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: tree, isPending } = useOrgUnitTree();
  const treeData = useMemo(() => {
    if (scope === 'all') return toOptions(tree?.items ?? []);
    const granted = grantedUnits(me?.grants ?? [], roles);
    if (tree) return toOptions(coveredSubtrees(tree.items, new Set(granted.map((u) => u.value))));
    // Until the tree arrives, the granted units themselves.
    return granted.map((u) => ({ value: u.value, title: u.label, children: [] }));
  }, [tree, me, scope, roles]);

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
      treeDefaultExpandAll={scope === 'covered'}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      notFoundContent={t('common.empty')}
      data-testid={testId}
    />
  );
}

/** Picks several units, searched without diacritics: the province (recipients inside motcua) or the covered subtrees (partners). */
export function DocumentUnitsSelect({
  value,
  onChange,
  scope = 'all',
  roles = DOCUMENT_ROLES,
  id,
  testId,
  ...rest
}: {
  value?: string[];
  onChange?: (unitIds: string[]) => void;
  scope?: 'covered' | 'all';
  roles?: readonly string[];
  id?: string;
  testId?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: tree, isPending } = useOrgUnitTree();
  const treeData = useMemo(() => {
    if (scope === 'all') return toOptions(tree?.items ?? []);
    const granted = new Set(grantedUnits(me?.grants ?? [], roles).map((u) => u.value));
    return toOptions(coveredSubtrees(tree?.items ?? [], granted));
  }, [tree, me, scope, roles]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      multiple
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      treeData={treeData}
      loading={isPending}
      showSearch={{ filterTreeNode: (input, node) => looselyIncludes(typeof node.title === 'string' ? node.title : '', input) }}
      treeDefaultExpandAll={scope === 'covered'}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      notFoundContent={t('common.empty')}
      data-testid={testId}
    />
  );
}
