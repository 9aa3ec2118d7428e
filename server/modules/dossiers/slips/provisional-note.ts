// Issue 8 item 7: the line a slip prints under an appointment counted on the provisional calendar. A year's official
// working calendar is announced only weeks before it starts (§13.2), so an appointment in a year not yet published is
// counted on the statutory days off of Bộ luật Lao động 2019 Điều 112 and may move when that year is published.

/** "Ngày hẹn trả kết quả là tạm tính …" for an appointment in `year`; empty when the appointment is not provisional. */
export function provisionalAppointmentLines(data: { readonly provisionalAppointmentYear?: number | null }): string[] {
  const year = data.provisionalAppointmentYear;
  if (!year) return [];
  return [
    `Ngày hẹn trả kết quả là tạm tính cho đến khi lịch làm việc chính thức năm ${year} được công bố (tính theo các ngày nghỉ lễ, Tết quy định tại Điều 112 Bộ luật Lao động năm 2019); nếu ngày hẹn thay đổi, cơ quan sẽ thông báo lại.`,
  ];
}
