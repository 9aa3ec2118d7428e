import { Flex, Layout, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ProvinceEmblem } from '../ui/ProvinceEmblem';
import { useMe } from '../features/identity/identity.api';
import { MAIN_CONTENT_ID, SkipLink } from '../ui/SkipLink';
import { PAGE_BACKGROUND } from '../ui/theme';

const { Header, Content, Footer } = Layout;

const navStyle = ({ isActive }: { isActive: boolean }) => ({
  color: '#fff',
  opacity: isActive ? 1 : 0.85,
  fontWeight: isActive ? 600 : 400,
  borderBottom: isActive ? '2px solid #ffd54f' : '2px solid transparent',
  paddingBottom: 2,
  textDecoration: 'none',
});

/** The header's account entry: sign-in and registration, or the signed-in account (an officer's leads to the back office). */
function AccountNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me) {
    const to = me.kind === 'citizen' ? '/tai-khoan' : '/admin';
    return (
      <>
        {me.kind === 'citizen' ? (
          <NavLink to="/ho-so-cua-toi" style={navStyle} data-testid="portal-my-dossiers-link">
            {t('citizen.nav.myDossiers')}
          </NavLink>
        ) : null}
        {me.kind === 'citizen' ? (
          <NavLink to="/ho-so-nop-truc-tuyen" style={navStyle} data-testid="my-submissions-link">
            {t('submissions.mine.nav')}
          </NavLink>
        ) : null}
        <NavLink to={to} style={navStyle} data-testid="portal-account-link">
          <UserOutlined /> <span className="wrap-anywhere">{me.displayName}</span>
        </NavLink>
      </>
    );
  }
  return (
    <>
      <NavLink to="/dang-nhap" style={navStyle}>
        {t('identity.account.signIn.submit')}
      </NavLink>
      <NavLink to="/dang-ky" style={navStyle}>
        {t('identity.account.register.link')}
      </NavLink>
    </>
  );
}

/** Public portal shell: province header with navigation, account entry and language switch; works down to 390 px. */
export function PortalLayout() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: PAGE_BACKGROUND }}>
      <SkipLink />
      <Header className="on-dark" style={{ background: '#a4161a', height: 'auto', lineHeight: 1.4, padding: '10px 16px' }}>
        <Flex align="center" justify="space-between" wrap gap={8} style={{ maxWidth: 1160, margin: '0 auto' }}>
          <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', minWidth: 0 }}>
            <ProvinceEmblem />
            <Typography.Text strong style={{ color: '#fff', fontSize: 17 }} className="wrap-anywhere">
              {t('portal.header.title')}
            </Typography.Text>
          </Link>
          <Flex align="center" gap={16} wrap>
            <Flex component="nav" align="center" gap={16} wrap aria-label={t('portal.header.navLabel')}>
              <NavLink to="/" end style={navStyle}>
                {t('portal.header.home')}
              </NavLink>
              <NavLink to="/thu-tuc" style={navStyle}>
                {t('portal.header.procedures')}
              </NavLink>
              <NavLink to="/tra-cuu" style={navStyle}>
                {t('dossiers.lookup.nav')}
              </NavLink>
              <NavLink to="/phan-anh-kien-nghi" style={navStyle}>
                {t('feedbackPortal.nav')}
              </NavLink>
              <NavLink to="/doi-thoai" style={navStyle}>
                {t('dialogues.public.nav')}
              </NavLink>
              <NavLink to="/minh-bach" style={navStyle}>
                {t('dashboards.public.nav')}
              </NavLink>
            </Flex>
            <AccountNav />
            <LanguageSwitch dark />
          </Flex>
        </Flex>
      </Header>
      {/* tabIndex -1: the skip link moves the focus here; it is not a stop of the tab order. */}
      <Content id={MAIN_CONTENT_ID} tabIndex={-1} style={{ padding: '16px 12px', width: '100%', maxWidth: 1160, margin: '0 auto', boxSizing: 'border-box' }}>
        <Outlet />
      </Content>
      <Footer style={{ textAlign: 'center', background: '#e9edf2', padding: '16px 12px' }}>
        <Typography.Text type="secondary">{t('portal.footer.text')}</Typography.Text>
        <div style={{ marginTop: 4 }}>
          <Link to="/admin">{t('portal.footer.staff')}</Link>
        </div>
      </Footer>
    </Layout>
  );
}
