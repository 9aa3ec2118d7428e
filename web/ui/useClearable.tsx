import type { ReactNode } from 'react';
import { CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * `allowClear` for text inputs with a named clear button: antd draws it as a <button> holding only an icon, which
 * screen readers read as "close-circle" or, once icons are decorative, as nothing (WCAG 4.1.2). Use
 * `allowClear={useClearable()}` instead of `allowClear` on Input and Input.Search.
 */
export function useClearable(): { clearIcon: ReactNode } {
  const { t } = useTranslation();
  return { clearIcon: <CloseCircleFilled aria-label={t('common.actions.clearInput')} /> };
}
