/** Demo accounts printed at start-up; the identity module's seed creates exactly these. */
export const DEMO_PASSWORD = 'MotCua@2026';

/** Every demo login with its role; the identity seed creates exactly these (checked by identity's demo test). */
export const DEMO_ACCOUNTS: Array<{ login: string; role: string; description: string }> = [
  { login: 'admin', role: 'system-admin', description: 'Quản trị hệ thống toàn tỉnh (Lê Văn Hùng)' },
  { login: 'quantri.hacthanh', role: 'unit-admin', description: 'Quản trị đơn vị — Phường Hạc Thành (Nguyễn Thị Lan)' },
  { login: 'tiepnhan.tinh', role: 'reception-officer', description: 'Tiếp nhận hồ sơ — Trung tâm PVHCC tỉnh (Trần Thị Mai)' },
  { login: 'tiepnhan.hacthanh', role: 'reception-officer', description: 'Tiếp nhận hồ sơ — Trung tâm PVHCC phường Hạc Thành (Phạm Minh Tuấn)' },
  { login: 'chuyenvien.stp', role: 'specialist', description: 'Chuyên viên — Phòng Hành chính tư pháp, Sở Tư pháp (Hoàng Văn Nam)' },
  { login: 'lanhdao.stp', role: 'leader', description: 'Lãnh đạo — Sở Tư pháp (Đỗ Thị Hương)' },
  { login: 'chuyenvien.hacthanh', role: 'specialist', description: 'Chuyên viên — Phường Hạc Thành (Vũ Đức Thắng)' },
  { login: 'lanhdao.hacthanh', role: 'leader', description: 'Lãnh đạo — Phường Hạc Thành (Bùi Văn Long)' },
  { login: 'kiemsoat.vp', role: 'reception-officer', description: 'Kiểm soát TTHC, tiếp nhận phản ánh, kiến nghị — Văn phòng UBND tỉnh (Đặng Thu Trang)' },
  { login: 'caicach.snv', role: 'reform-office', description: 'Kiểm soát TTHC, cải cách hành chính — Sở Nội vụ (Ngô Thị Thu Hà)' },
  { login: 'ketoan.tinh', role: 'finance-officer', description: 'Kế toán, đối soát thanh toán trực tuyến — Trung tâm PVHCC tỉnh (Lưu Thị Ngọc)' },
  { login: 'vanthu.stp', role: 'clerk', description: 'Văn thư — Sở Tư pháp (Phan Thị Thủy)' },
  { login: 'vanthu.hacthanh', role: 'clerk', description: 'Văn thư — Phường Hạc Thành (Lương Văn Tú)' },
  { login: 'citizen@example.vn', role: 'citizen', description: 'Công dân (Nguyễn Văn An)' },
  { login: 'doanhnghiep@example.vn', role: 'business', description: 'Doanh nghiệp (Công ty TNHH Thương mại Hạc Thành)' },
];

/** The start-up banner of a demo instance: the accounts, and that their password is public. */
export function printDemoAccounts(): void {
  if (DEMO_ACCOUNTS.length === 0) return;
  console.log('');
  console.log('*** BẢN TRÌNH DIỄN / DEMO (MOTCUA_SEED_DEMO=true) ***');
  console.log(`Dữ liệu mẫu. Mật khẩu chung của mọi tài khoản dưới đây (${DEMO_PASSWORD}) là CÔNG KHAI: không nhập dữ liệu thật.`);
  console.log(`Sample data. The shared password of every account below (${DEMO_PASSWORD}) is PUBLIC: enter no real data.`);
  console.log('Triển khai thật / production: MOTCUA_SEED_DEMO=false, rồi npm run admin:create (README).');
  console.log(`Tài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(22)} ${a.role.padEnd(20)} ${a.description}`);
}
