import { Flex, Spin } from 'antd';

/** Full-height spinner while a page's code or first data loads. */
export function PageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
