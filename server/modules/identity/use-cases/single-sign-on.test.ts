import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { parseBirthDate, portalReturnPath, readSsoPerson } from './single-sign-on';

const NOW = new Date('2026-03-02T02:00:00Z');
const names = { idNumber: 'citizen_id', fullName: 'name', birthDate: 'birthdate' };

describe('reading the person from the provider claims', () => {
  it('takes the configured claims, also nested by a dotted path, and tidies them', () => {
    expect(readSsoPerson({ citizen_id: '038 190 012 345', name: '  Lê  Thị Hoa ', birthdate: '1991-07-20' }, names, NOW)).toEqual({
      idNumber: '038190012345',
      fullName: 'Lê Thị Hoa',
      birthDate: '1991-07-20',
    });
    const nested = { idNumber: 'vneid.so_dinh_danh', fullName: 'vneid.ho_ten', birthDate: 'vneid.ngay_sinh' };
    expect(readSsoPerson({ vneid: { so_dinh_danh: '038190012345', ho_ten: 'Lê Thị Hoa', ngay_sinh: '20/07/1991' } }, nested, NOW)).toEqual({
      idNumber: '038190012345',
      fullName: 'Lê Thị Hoa',
      birthDate: '1991-07-20',
    });
  });

  it('refuses claims without a 12-digit ID number or without a name, naming the missing claims', () => {
    const missing = (claims: Record<string, unknown>) => {
      try {
        readSsoPerson(claims, names, NOW);
      } catch (err) {
        return err instanceof AppError ? [err.code, err.params.claims] : err;
      }
      return 'accepted';
    };
    expect(missing({ name: 'Lê Thị Hoa' })).toEqual(['SSO_CLAIMS_MISSING', 'citizen_id']);
    expect(missing({ citizen_id: '12345678901', name: 'Lê Thị Hoa' })).toEqual(['SSO_CLAIMS_MISSING', 'citizen_id']);
    expect(missing({ citizen_id: '03819001234X', name: 'Lê Thị Hoa' })).toEqual(['SSO_CLAIMS_MISSING', 'citizen_id']);
    expect(missing({ citizen_id: '038190012345', name: '   ' })).toEqual(['SSO_CLAIMS_MISSING', 'name']);
    expect(missing({})).toEqual(['SSO_CLAIMS_MISSING', 'citizen_id, name']);
  });

  it('reads birth dates as YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY and leaves impossible ones empty', () => {
    expect(parseBirthDate('1991-07-20', NOW)).toBe('1991-07-20');
    expect(parseBirthDate('19910720', NOW)).toBe('1991-07-20');
    expect(parseBirthDate('5/7/1991', NOW)).toBe('1991-07-05');
    expect(parseBirthDate('31/02/1991', NOW)).toBeNull();
    expect(parseBirthDate('2026-03-03', NOW)).toBeNull();
    expect(parseBirthDate('1899-12-31', NOW)).toBeNull();
    expect(parseBirthDate(19910720, NOW)).toBeNull();
  });

  it('returns only to portal paths', () => {
    expect(portalReturnPath('/nop-ho-so?thu-tuc=1', '/tai-khoan')).toBe('/nop-ho-so?thu-tuc=1');
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/admin', '/admin/users', `/${'a'.repeat(500)}`]) {
      expect(portalReturnPath(bad, '/tai-khoan')).toBe('/tai-khoan');
    }
  });
});
