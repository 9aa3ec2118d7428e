import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { PageTitle } from '../../ui/PageTitle';

/** The centred card of the portal's account pages (sign-in, registration, confirmations); full width on a phone. */
export function AccountCard({ title, subtitle, width = 480, children }: { title?: string; subtitle?: string; width?: number; children: ReactNode }) {
  return (
    <Flex justify="center" style={{ paddingBlock: 8 }}>
      <Card style={{ width: '100%', maxWidth: width }} styles={{ body: { padding: 20 } }}>
        {title ? (
          <div style={{ marginBottom: 16 }}>
            {/* The page's one <h1>, which also names the browser tab (PageTitle). */}
            <PageTitle style={{ marginBottom: 4 }}>{title}</PageTitle>
            {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
          </div>
        ) : null}
        {children}
      </Card>
    </Flex>
  );
}
