/** Language and number style switches (top bar). */
import { type Lang, type NumberStyle, setLang, setNumberStyle, useI18n } from './i18n';

export function Settings(): React.JSX.Element {
  const { t, lang, numberStyle } = useI18n();
  return (
    <div className="settings" style={{ display: 'flex', gap: 3, alignItems: 'center' }}>
      <select aria-label={t('lang.label')} title={t('lang.label')} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang-select">
        <option value="zh">{t('lang.zh')}</option>
        <option value="en">{t('lang.en')}</option>
      </select>
      <label className="settings-label" htmlFor="number-style" style={{ fontSize: 12, color: 'var(--muted)', whiteSpace: 'nowrap', marginLeft: 3 }}>
        {t('numbers.label')}
      </label>
      <select id="number-style" title={t('numbers.label')} value={numberStyle} onChange={(e) => setNumberStyle(e.target.value as NumberStyle)} data-testid="number-style">
        <option value="grouped">{t('numbers.grouped')}</option>
        <option value="wan">{t('numbers.wan')}</option>
      </select>
    </div>
  );
}
