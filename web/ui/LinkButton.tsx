import type { MouseEvent } from 'react';
import { Button, type ButtonProps } from 'antd';
import { useHref, useLinkClickHandler } from 'react-router';

/**
 * A link that looks like a button (antd renders `<a class="ant-btn">` when given `href`), navigating inside the app.
 * Replaces `<Link><Button/></Link>`: a button inside a link is two nested controls, two tab stops and an unclear
 * role for screen readers (WCAG 4.1.2).
 */
export function LinkButton({ to, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const href = useHref(to);
  // React Router's own handler: a plain click navigates in the app; Ctrl/⌘-click and middle click open a new tab.
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return <Button {...props} href={href} onClick={(e: MouseEvent<HTMLElement>) => onClick(e as MouseEvent<HTMLAnchorElement>)} />;
}
