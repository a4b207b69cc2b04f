/** The highlight legend: each kind and status drawn with the same classes as the report. */
import { useI18n } from '../i18n/i18n';

export function Legend(): React.JSX.Element {
  const { t } = useI18n();
  const sample = '3400万元';
  return (
    <div className="legend row report-column-like" data-testid="legend" lang="zh-Hans">
      <span><span className="seg hl k-fig s-suggested">{sample}</span> {t('legend.figure')}</span>
      <span><span className="seg hl k-dup s-suggested">重复段落</span> {t('legend.duplicate')}</span>
      <span><span className="seg hl k-def s-suggested">and</span> {t('legend.defect')}</span>
      <span><span className="seg hl k-dim">“十四五”</span> {t('legend.dimmed')}</span>
      <span><span className="seg hl k-fig s-suggested">9次</span> {t('legend.suggested')}</span>
      <span><span className="seg hl k-fig s-accepted">9次</span> {t('legend.accepted')}</span>
      <span><span className="seg hl k-fig s-rejected">9次</span> {t('legend.rejected')}</span>
      <span><span className="seg hl k-fig s-corrected corner">9次</span> {t('legend.corrected')}</span>
      <span><span className="seg hl k-fig sel">9次</span> {t('legend.selected')}</span>
    </div>
  );
}
