import { useTranslation } from 'react-i18next';

/** The id of each shell's <main>, the skip link's target. */
export const MAIN_CONTENT_ID = 'main-content';

/**
 * "Skip to main content" (WCAG 2.4.1): the first stop of the tab order, shown only when focused; it moves the focus
 * into <main> so keyboard users do not tab through the header and menu on every page.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(e) => {
        // The router owns the URL: focus the landmark instead of adding a hash to the address.
        e.preventDefault();
        const main = document.getElementById(MAIN_CONTENT_ID);
        main?.focus();
        main?.scrollIntoView({ block: 'start' });
      }}
    >
      {t('common.a11y.skipToContent')}
    </a>
  );
}
