import { Tag } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Marks an application submitted on the national public-service portal (DVCQG), with its code there. */
export function NationalOriginTag({ nationalCode }: { nationalCode: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag color="geekblue" icon={<GlobalOutlined aria-hidden />} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }} data-testid="national-origin">
      {t('submissions.desk.national')}
      {nationalCode ? <span className="wrap-anywhere"> · {nationalCode}</span> : null}
    </Tag>
  );
}
