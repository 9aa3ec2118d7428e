import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnlineMode } from '../catalog/catalog.types';

const COLORS: Record<OnlineMode, string> = { full: 'green', partial: 'cyan', 'information-only': 'default' };

/** Online service level (NĐ 42/2022 Điều 11): full / partial / information only; nothing when unknown. */
export function OnlineModeTag({ mode }: { mode: OnlineMode | null }) {
  const { t } = useTranslation();
  if (!mode) return null;
  return <Tag color={COLORS[mode]}>{t(`catalog.onlineModes.${mode}`)}</Tag>;
}
