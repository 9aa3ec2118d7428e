import { createElement, forwardRef, type ComponentType, type Ref } from 'react';

/** The props that give an icon an accessible name of its own. */
interface MaybeLabelled {
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * Wraps antd's icon component (`@ant-design/icons/es/components/AntdIconLight`, swapped in by the build: decorativeIcons in
 * vite.config.ts) so an icon is decorative unless it is given a name: antd renders every icon as
 * `role="img" aria-label="<icon file name>"`, so screen readers read "close-circle" or "folder-open" inside buttons and
 * links (issue 11 item 9). An icon with `aria-label`/`aria-labelledby` keeps `role="img"` with that name.
 */
export function decorativeIcon<P extends MaybeLabelled>(Icon: ComponentType<P>) {
  const Decorative = forwardRef<HTMLSpanElement, P>((props, ref) => {
    const named = props['aria-label'] !== undefined || props['aria-labelledby'] !== undefined;
    // antd spreads the caller's props over its defaults, so an explicit `undefined` removes its role and label.
    const a11y = named ? {} : { 'aria-hidden': true, role: undefined, 'aria-label': undefined };
    return createElement(Icon, { ...a11y, ...props, ref: ref as Ref<unknown> } as P);
  });
  Decorative.displayName = 'DecorativeIcon';
  return Decorative;
}
