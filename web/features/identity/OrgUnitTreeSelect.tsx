import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { looselyIncludes } from '../../ui/text';
import { useOrgUnitTree } from './identity.api';
import type { OrgUnitNode } from './identity.types';

interface TreeOption {
  value: string;
  title: string;
  label: string;
  disabled?: boolean;
  children: TreeOption[];
}

function toOptions(nodes: OrgUnitNode[], disabledIds: ReadonlySet<string>): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    label: n.name,
    disabled: disabledIds.has(n.id),
    children: toOptions(n.children, disabledIds),
  }));
}

interface OrgUnitTreeSelectProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  /** Units that cannot be picked (e.g. the unit being closed as its own successor). */
  disabledIds?: string[];
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
  /** The name read out when no <label> points at it (a filter outside a form). */
  'aria-label'?: string;
}

/** Picks one or several organisation units from the tree, with diacritic-insensitive search. */
export function OrgUnitTreeSelect({ value, onChange, multiple, placeholder, allowClear = true, disabledIds, style, id, ...rest }: OrgUnitTreeSelectProps) {
  const { t } = useTranslation();
  const { data, isPending } = useOrgUnitTree();
  const treeData = useMemo(() => toOptions(data?.items ?? [], new Set(disabledIds ?? [])), [data, disabledIds]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      multiple={multiple}
      loading={isPending}
      allowClear={allowClear}
      showSearch={{ filterTreeNode: (input, node) => looselyIncludes(typeof node.title === 'string' ? node.title : '', input) }}
      placeholder={placeholder ?? t('identity.unitPicker.placeholder')}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      notFoundContent={t('common.empty')}
    />
  );
}
