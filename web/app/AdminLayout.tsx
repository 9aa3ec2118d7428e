import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Dropdown, Flex, Layout, Menu, Result, Spin, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../features/identity/identity.api';
import { ChangePasswordModal } from '../features/identity/ChangePasswordModal';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useApiError } from './useApiError';
import { allowedMenu, shellTitleKey } from './admin-menu';
import { CalendarStatusBanner } from '../features/calendar/CalendarStatusBanner';
import { MAIN_CONTENT_ID, SkipLink } from '../ui/SkipLink';

const { Header, Sider, Content } = Layout;

/** Back-office shell: side menu limited to the user's actions, header with user menu and language switch. */
export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me, isPending, error } = useMe();
  const logout = useLogout();
  const showError = useApiError();
  const [passwordOpen, setPasswordOpen] = useState(false);
  // Below the lg breakpoint the menu is a drawer opened from the header's own button (antd's floating zero-width
  // trigger covered the page title at 390 px, issue 9 item 8).
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  if (isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (error) return <Result status="error" title={t('common.errors.loadFailed')} subTitle={error.message} />;
  if (!me) return <Navigate to={`/admin/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // A citizen or business account has nothing here; its account area is on the portal.
  if (me.kind === 'citizen') return <Navigate to="/tai-khoan" replace />;

  const menu = allowedMenu(me.actions);
  const title = t(shellTitleKey(me.grants.map((g) => g.role)));
  const selected = menu.find((m) => location.pathname.startsWith(m.path))?.key;

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/admin/login', { replace: true }),
      onError: (err) => showError(err),
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={232}
        theme="dark"
        trigger={null}
        collapsed={collapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        style={narrow ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 20 } : undefined}
        // A closed drawer keeps its menu in the page: without `inert` the keyboard would tab through invisible items.
        inert={narrow && collapsed}
        aria-label={t('common.app.mainMenu')}
        data-testid="admin-menu"
      >
        <div style={{ color: '#fff', padding: '18px 20px', fontWeight: 600, fontSize: 16, lineHeight: 1.3 }} data-testid="shell-title">
          {title}
        </div>
        <Menu
          aria-label={t('common.app.mainMenu')}
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={menu.map((m) => ({
            key: m.key,
            icon: m.icon,
            label: t(m.labelKey),
            onClick: () => {
              if (narrow) setCollapsed(true);
              void navigate(m.path);
            },
          }))}
        />
      </Sider>
      {narrow && !collapsed ? <div onClick={() => setCollapsed(true)} style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.35)', zIndex: 19 }} /> : null}
      <Layout style={{ minWidth: 0 }}>
        <Header style={{ background: '#fff', paddingInline: 16, borderBottom: '1px solid #e5e7eb' }}>
          <Flex align="center" justify="flex-end" gap={16} style={{ height: '100%' }}>
            {narrow ? (
              <Flex align="center" gap={8} style={{ marginInlineEnd: 'auto', minWidth: 0 }}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('common.app.openMenu')}
                  aria-expanded={!collapsed}
                  onClick={() => setCollapsed((c) => !c)}
                  data-testid="menu-button"
                />
                <Typography.Text strong ellipsis style={{ maxWidth: 150 }}>
                  {title}
                </Typography.Text>
              </Flex>
            ) : null}
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: t('common.user.changePassword'), onClick: () => setPasswordOpen(true) },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, danger: true, label: t('common.user.logout'), onClick: onLogout },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>
                  {me.displayName}
                </Typography.Text>
                <DownOutlined />
              </Button>
            </Dropdown>
          </Flex>
        </Header>
        {/* tabIndex -1: the skip link moves the focus here; it is not a stop of the tab order. */}
        <Content id={MAIN_CONTENT_ID} tabIndex={-1} style={{ padding: narrow ? 8 : 16, minWidth: 0 }}>
          <CalendarStatusBanner />
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
