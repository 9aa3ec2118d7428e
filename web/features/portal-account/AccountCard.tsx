import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

/** The centred card of the portal's account pages (sign-in, registration, confirmations); full width on a phone. */
export function AccountCard({ title, subtitle, width = 480, children }: { title?: ReactNode; subtitle?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <Flex justify="center" style={{ paddingBlock: 8 }}>
      <Card style={{ width: '100%', maxWidth: width }} styles={{ body: { padding: 20 } }}>
        {title ? (
          <div style={{ marginBottom: 16 }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {title}
            </Typography.Title>
            {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
          </div>
        ) : null}
        {children}
      </Card>
    </Flex>
  );
}
