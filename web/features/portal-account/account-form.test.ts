import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { availableChannels, homeAfterSignIn, isEmailLogin, portalNext, profileBody, profileValues, registrationBody, ssoErrorKey, ssoStartHref } from './account-form';
import type { CitizenProfile } from './account.types';

describe('registrationBody', () => {
  it('leaves out empty fields and formats the birth date', () => {
    expect(
      registrationBody({
        accountType: 'citizen',
        fullName: '  Lê Thị Hoa ',
        email: ' hoa@example.vn ',
        phone: '',
        password: 'Mat-khau-2026',
        confirm: 'Mat-khau-2026',
        idNumber: ' ',
        birthDate: dayjs('1991-07-20'),
        address: '',
      }),
    ).toEqual({ accountType: 'citizen', fullName: 'Lê Thị Hoa', email: 'hoa@example.vn', password: 'Mat-khau-2026', birthDate: '1991-07-20' });
  });

  it('sends business fields only for a business, even when a citizen form kept them', () => {
    const values = { fullName: 'Phạm Văn Đức', businessName: 'Công ty TNHH Lam Sơn', enterpriseCode: '2800123456-001', phone: '0912345678', password: 'Mat-khau-2026' };
    expect(registrationBody({ accountType: 'citizen', ...values })).toEqual({ accountType: 'citizen', fullName: 'Phạm Văn Đức', phone: '0912345678', password: 'Mat-khau-2026' });
    expect(registrationBody({ accountType: 'business', ...values })).toMatchObject({ businessName: 'Công ty TNHH Lam Sơn', enterpriseCode: '2800123456-001' });
  });
});

describe('where sign-in leads', () => {
  it('follows only portal paths; other sites and the back office fall back to the account page', () => {
    expect(portalNext('/thu-tuc/1.001')).toBe('/thu-tuc/1.001');
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/admin', '/admin/units']) expect(portalNext(bad), String(bad)).toBe('/tai-khoan');
    expect(portalNext('/administration')).toBe('/administration');
  });

  it('sends officers to the back office whatever `next` says', () => {
    expect(homeAfterSignIn({ kind: 'officer' }, '/thu-tuc')).toBe('/admin');
    expect(homeAfterSignIn({ kind: 'citizen' }, null)).toBe('/tai-khoan');
  });

  it('tells an e-mail sign-in name from a phone', () => {
    expect(isEmailLogin('hoa@example.vn')).toBe(true);
    expect(isEmailLogin('0912 345 678')).toBe(false);
  });
});

const profile: CitizenProfile = {
  id: '00000000-0000-4000-8000-000000000001',
  accountType: 'business',
  fullName: 'Phạm Văn Đức',
  businessName: 'Công ty TNHH Lam Sơn',
  enterpriseCode: '2800123456',
  email: 'duc@example.vn',
  emailVerified: true,
  pendingEmail: null,
  phone: '0912345678',
  phoneVerified: false,
  pendingPhone: null,
  idNumber: null,
  idNumberVerified: false,
  birthDate: '1985-11-03',
  address: null,
  notificationChannel: 'email',
  version: 4,
  applicant: {
    kind: 'organisation',
    name: 'Công ty TNHH Lam Sơn',
    idNumber: '2800123456',
    birthDate: null,
    phone: null,
    email: 'duc@example.vn',
    address: null,
    representative: null,
  },
};

describe('profile form', () => {
  it('round-trips the stored profile, turning emptied fields into null', () => {
    const values = profileValues(profile);
    expect(values.birthDate?.format('YYYY-MM-DD')).toBe('1985-11-03');
    expect(profileBody({ ...values, address: '  ', idNumber: '038085004321' }, profile)).toEqual({
      fullName: 'Phạm Văn Đức',
      businessName: 'Công ty TNHH Lam Sơn',
      enterpriseCode: '2800123456',
      idNumber: '038085004321',
      birthDate: '1985-11-03',
      address: null,
      notificationChannel: 'email',
      version: 4,
    });
    expect(profileBody(values, { ...profile, accountType: 'citizen' })).not.toHaveProperty('businessName');
  });

  it('offers only channels that reach a confirmed contact', () => {
    expect(availableChannels(profile)).toEqual(['email']);
    expect(availableChannels({ emailVerified: false, phoneVerified: true })).toEqual(['sms', 'zalo']);
  });
});

describe('single sign-on', () => {
  const start = '/api/v1/identity/citizen/sso/start';
  it('goes to the start route with the portal page to come back to, never another site', () => {
    expect(ssoStartHref(start, null)).toBe(start);
    expect(ssoStartHref(start, '/tai-khoan')).toBe(start);
    expect(ssoStartHref(start, '/nop-ho-so?thu-tuc=1.004837')).toBe(`${start}?next=%2Fnop-ho-so%3Fthu-tuc%3D1.004837`);
    expect(ssoStartHref(start, '//evil.example')).toBe(start);
    expect(ssoStartHref(start, '/admin/users')).toBe(start);
  });

  it('explains the refusals the server sends back, and anything else as a failed sign-in', () => {
    expect(ssoErrorKey('SSO_CANCELLED')).toBe('identity.account.sso.errors.SSO_CANCELLED');
    expect(ssoErrorKey('ACCOUNT_DISABLED')).toBe('identity.account.sso.errors.ACCOUNT_DISABLED');
    expect(ssoErrorKey('<script>')).toBe('identity.account.sso.errors.SSO_FAILED');
  });
});
