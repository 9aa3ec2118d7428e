import type { CSSProperties, ReactNode } from 'react';
import { Typography } from 'antd';
import { useDocumentTitle } from './useDocumentTitle';

/** The visual sizes of antd's h2–h4, used by the one h1 of a page (the outline starts at h1, the look does not). */
const SIZES = { 2: 30, 3: 24, 4: 20 } as const;

interface PageTitleProps {
  children: ReactNode;
  /** The browser tab's title; defaults to the heading when it is plain text. */
  documentTitle?: string;
  /** How large it looks: 3 (default) for work pages, 2 for the portal's home. */
  look?: keyof typeof SIZES;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
  copyable?: { text: string };
}

/** A page's single <h1> (WCAG 1.3.1, 2.4.6), which also sets the document title (useDocumentTitle). */
export function PageTitle({ children, documentTitle, look = 3, style, ...rest }: PageTitleProps) {
  useDocumentTitle(documentTitle ?? (typeof children === 'string' ? children : undefined));
  return (
    <Typography.Title level={1} style={{ fontSize: SIZES[look], margin: 0, ...style }} {...rest}>
      {children}
    </Typography.Title>
  );
}
