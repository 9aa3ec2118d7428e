import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { PageTitle } from './PageTitle';

/**
 * A work page's heading: its single <h1> (which also names the browser tab) with optional actions on the right
 * (wraps on narrow screens). `documentTitle` is needed when `title` is not plain text.
 */
export function PageHeader({ title, extra, subtitle, documentTitle }: { title: ReactNode; extra?: ReactNode; subtitle?: ReactNode; documentTitle?: string }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <PageTitle documentTitle={documentTitle}>{title}</PageTitle>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
