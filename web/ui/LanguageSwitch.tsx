import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Lang } from '../app/i18n';

/** Vietnamese / English toggle used in both shells; `dark` for a coloured header. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const current: Lang = i18n.language === 'en' ? 'en' : 'vi';
  // On a dark header the unselected label must be light to stay readable.
  const label = (lang: Lang, text: string) => (
    <span title={t(`common.language.${lang}`)} style={dark && lang !== current ? { color: '#fff' } : undefined}>
      {text}
    </span>
  );
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('common.language.label')}
      value={current}
      onChange={(lang) => void setLanguage(lang)}
      options={[
        { value: 'vi', label: label('vi', 'VI') },
        { value: 'en', label: label('en', 'EN') },
      ]}
      style={dark ? { background: 'rgba(255,255,255,0.18)' } : undefined}
    />
  );
}
