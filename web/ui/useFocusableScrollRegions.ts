import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** antd's scroll containers: a table's horizontal scroller (scroll.x) and its body under a fixed header (scroll.y). */
const SCROLLERS = '.ant-table-content, .ant-table-body';
/** Marks the attributes this hook added, so it only ever removes its own. */
const MARK = 'data-scroll-region';

function overflows(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

/**
 * Makes every table that scrolls reachable by keyboard (WCAG 2.1.1; axe "scrollable-region-focusable"): a scroller
 * whose content is wider or taller than itself becomes a named region in the tab order, so the arrow keys scroll it;
 * one that fits loses that stop again. antd renders these containers itself and has no prop for them, hence one
 * observer for the whole app instead of a wrapper around each table (tables added later are covered too).
 */
export function useFocusableScrollRegions(): void {
  const { t } = useTranslation();
  const label = t('common.a11y.scrollRegion');
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const ours = el.hasAttribute(MARK);
        if (overflows(el)) {
          // A scroller that a page made focusable itself keeps its own settings.
          if (!ours && el.hasAttribute('tabindex')) continue;
          el.setAttribute(MARK, '');
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', label);
        } else if (ours) {
          el.removeAttribute(MARK);
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // New rows and pages arrive as child-list changes; widths change with the window.
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [label]);
}
