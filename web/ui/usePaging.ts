import { cloneElement, isValidElement, useState, type ReactElement } from 'react';
import type { PaginationProps, TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Names antd's previous/next page buttons, which hold only an icon (WCAG 4.1.2): pass it as `itemRender` to every
 * Pagination and paged Table (usePaging does).
 */
export function usePagerLabels(): NonNullable<PaginationProps['itemRender']> {
  const { t } = useTranslation();
  return (_page, type, element) =>
    (type === 'prev' || type === 'next') && isValidElement(element)
      ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': t(type === 'prev' ? 'common.table.prevPage' : 'common.table.nextPage') })
      : element;
}

/**
 * Page state of a server-paged admin list and its antd pagination: a changed filter calls `restart()` (or wraps its
 * setter with `filtered`) so the list starts again at page 1.
 */
export function usePaging(initialPageSize = 20) {
  const { t } = useTranslation();
  const itemRender = usePagerLabels();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const restart = () => setPage(1);
  const filtered =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => t('common.table.total', { total: n }),
    itemRender,
    onChange: (p, s) => {
      setPage(p);
      setPageSize(s);
    },
  });
  return { page, pageSize, restart, filtered, pagination };
}
