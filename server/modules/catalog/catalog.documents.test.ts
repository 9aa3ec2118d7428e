// Document groups read from the real texts of demo/procedures.json (= shared/data/procedures.json), issue 9 item 7.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocumentGroups, qualityIssuesOf, type RowMessage } from './catalog.parsing';
import { parseJsonProcedures } from './import/json-source';
import { DEMO_PROCEDURES_FILE } from './catalog.seed';

const candidates = parseJsonProcedures(fs.readFileSync(DEMO_PROCEDURES_FILE));
const byCode = (code: string) => {
  const c = candidates.find((x) => x.code === code);
  if (!c?.content) throw new Error(`no ${code}`);
  return c;
};
const groupOf = (code: string, startsWith: string) => {
  const { content } = byCode(code);
  const doc = content!.requiredDocuments.find((d) => d.name.startsWith(startsWith));
  if (!doc) throw new Error(`no document ${startsWith}`);
  return doc.group === null ? null : content!.documentGroups.find((g) => g.key === doc.group)!;
};

describe('document groups from the published texts', () => {
  it('birth registration: paper form or e-form, abandonment and surrogacy only in their case, identity papers shown', () => {
    expect(groupOf('1.001193', 'Tờ khai đăng ký khai sinh')).toMatchObject({ kind: 'one-of' });
    expect(groupOf('1.001193', 'Mẫu hộ tịch điện tử tương tác')).toMatchObject({ kind: 'one-of', key: groupOf('1.001193', 'Tờ khai đăng ký khai sinh')!.key });
    expect(groupOf('1.001193', 'Trường hợp trẻ em bị bỏ rơi')).toMatchObject({ kind: 'conditional', condition: 'Trường hợp trẻ em bị bỏ rơi' });
    expect(groupOf('1.001193', 'Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ')).toMatchObject({
      kind: 'conditional',
      condition: 'Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ',
    });
    expect(groupOf('1.001193', 'Văn bản ủy quyền')).toMatchObject({ kind: 'conditional', condition: 'Trường hợp ủy quyền thực hiện việc đăng ký khai sinh' });
    expect(groupOf('1.001193', 'Hộ chiếu/Thẻ căn cước')).toMatchObject({ kind: 'to-present', label: 'Giấy tờ phải xuất trình' });
    // The birth certificate must be handed in (its own "trường hợp không có" is an exemption inside the item).
    expect(groupOf('1.001193', 'Giấy chứng sinh')).toBeNull();
    expect(byCode('1.001193').content!.documentIssues).toEqual([]);
  });

  it('"(nếu có)" makes a document conditional; a list heading with "gồm" does not', () => {
    expect(groupOf('1.013978', 'Mảnh trích đo bản đồ địa chính thửa đất (nếu có)')).toMatchObject({ kind: 'conditional' });
    expect(groupOf('1.004194', 'Tờ khai thay đổi thông tin cư trú')).toBeNull();
  });

  it('reports what it cannot read and keeps it ungrouped: two headings that may be alternatives or parts', () => {
    const residence = byCode('1.004222');
    expect(residence.content!.requiredDocuments.every((d) => d.group === null)).toBe(true);
    expect(residence.content!.documentIssues.map((i) => i.code)).toEqual(['case-ambiguous', 'case-ambiguous', 'case-ambiguous', 'case-ambiguous']);
    expect(residence.messages.filter((m) => m.code === 'documentCaseAmbiguous')).toHaveLength(2);
    // "Trường hợp không có văn bản nêu trên": an alternative to a document the text does not name.
    const parents = byCode('1.001022');
    expect(parents.content!.documentIssues).toEqual([expect.objectContaining({ code: 'refers-to-other' })]);
    expect(parents.messages.some((m) => m.code === 'documentRefersToOther')).toBe(true);
  });

  it('a single "if you choose online" document is conditional, not a one-of group of one', () => {
    const messages: RowMessage[] = [];
    const r = readDocumentGroups(
      [
        {
          name: 'Mẫu điện tử tương tác (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)',
          originals: 1,
          copies: 0,
          case: null,
          note: null,
          template: null,
          group: null,
        },
      ],
      messages,
    );
    expect(r.groups).toEqual([{ key: 'c1', kind: 'conditional', label: null, condition: 'Nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến' }]);
  });
});

describe('data-quality findings', () => {
  it('flags the birth registration time "1", missing online mode and ungrouped documents', () => {
    const c = byCode('1.001193').content!;
    expect(qualityIssuesOf(c)).toEqual(['time-unreadable', 'online-mode-missing']);
    expect(qualityIssuesOf(byCode('1.004222').content!)).toContain('document-groups-unreadable');
  });
});
