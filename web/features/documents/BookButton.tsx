import { Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../identity/identity.api';
import { bookUrl } from './documents.api';
import { grantedUnits } from './DocumentUnitSelect';

interface BookButtonProps {
  kind: 'incoming' | 'outgoing';
  /** The unit filtered on; otherwise the officer's first unit holding one of `roles`. */
  unitId: string | undefined;
  year: number | undefined;
  roles: readonly string[];
}

/** Downloads a unit's yearly register (sổ văn bản đến / đi, Phụ lục IV) as Excel: the filtered unit and year, else the officer's own unit this year. */
export function BookButton({ kind, unitId, year, roles }: BookButtonProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const unit = unitId ?? grantedUnits(me?.grants ?? [], roles)[0]?.value;
  const y = year ?? new Date().getFullYear();
  const button = (
    <Button icon={<DownloadOutlined aria-hidden />} href={unit ? bookUrl(kind, unit, y) : undefined} disabled={!unit} download data-testid={`${kind}-book`}>
      {t('documents.book.download', { year: y })}
    </Button>
  );
  return unit ? button : <Tooltip title={t('documents.book.pickUnit')}>{button}</Tooltip>;
}
