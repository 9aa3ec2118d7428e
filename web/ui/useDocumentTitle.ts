import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** "<page> — <product>": the portal's name for public pages, the back office's under /admin. */
export function documentTitle(page: string, product: string): string {
  return `${page} — ${product}`;
}

/**
 * Names the browser tab and what a screen reader announces on navigation after the page (WCAG 2.4.2): each page
 * calls it with its own translated title once it knows it (nothing while loading). Leaving the page puts the bare
 * product name back, so a page that forgets to call it never shows the previous page's title.
 */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const product = t(pathname.startsWith('/admin') ? 'common.app.product.admin' : 'common.app.product.portal');
  useEffect(() => {
    if (!page) return;
    document.title = documentTitle(page, product);
    return () => {
      document.title = product;
    };
  }, [page, product]);
}
