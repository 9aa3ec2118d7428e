import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Text kept as it was written (line breaks too), wrapping anywhere on a phone. */
export function PlainText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography.Paragraph className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {children}
    </Typography.Paragraph>
  );
}
