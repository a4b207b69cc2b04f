/** The app frame: top bar, three panes, status bar, overlays. Feature state lives in feature stores. */
import { useEffect } from 'react';
import { DocumentsPane } from './features/documents/DocumentsPane';
import { PathDialog } from './features/documents/PathDialog';
import { initWorkspace, loadMode } from './features/documents/store';
import { ErrorPresenter } from './features/errors/ErrorPresenter';
import { i18nStore, useI18n } from './features/i18n/i18n';
import { Inspector } from './features/inspector/Inspector';
import { Panes } from './features/layout/Panes';
import { ReportPane } from './features/report/ReportPane';
import { SelectionBar } from './features/report/SelectionBar';
import { SearchBox } from './features/search/SearchBox';
import { CheatSheet } from './features/shortcuts/CheatSheet';
import { useGlobalShortcuts } from './features/shortcuts/useShortcuts';
import { StatusBar } from './features/statusbar/StatusBar';
import { TagPicker } from './features/taxonomy/TagPicker';
import { TaxonomyEditor } from './features/taxonomy/TaxonomyEditor';
import { TopMenu } from './features/documents/TopMenu';
import { ImportSummary } from './features/documents/ImportSummary';
import { useFileDrop } from './features/documents/drop';
import { ExportDialog } from './features/export/ExportDialog';
import { FiguresView } from './features/figures/FiguresView';
import { Settings } from './features/i18n/Settings';
import { ViewSwitch } from './features/layout/ViewSwitch';
import { viewStore } from './features/layout/view';
import { useStore } from './lib/store';
import { IdentityDialog } from './features/identity/IdentityDialog';
// team:
import { TeamPage } from './features/team/TeamPage';
import { LikeDialog } from './features/rules/LikeDialog'; // rules:
import { RulesPage } from './features/rules/RulesPage'; // rules:

export function App(): React.JSX.Element {
  const { t } = useI18n();
  const view = useStore(viewStore, (s) => s.view);
  useGlobalShortcuts();
  useFileDrop();
  useEffect(() => {
    document.documentElement.lang = i18nStore.get().lang === 'zh' ? 'zh-CN' : 'en';
    void loadMode();
    void initWorkspace();
  }, []);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <ViewSwitch />
        <TopMenu />
        <span className="spacer" />
        <SearchBox />
        <Settings />
      </header>
      {view === 'review' ? <Panes documents={<DocumentsPane />} report={<ReportPane />} inspector={<Inspector />} /> : view === 'team' ? <TeamPage /> : view === 'rules' ? <RulesPage /> /* rules: */ : <FiguresView />}
      <StatusBar />
      <SelectionBar />
      <CheatSheet />
      <TagPicker />
      <TaxonomyEditor />
      <PathDialog />
      <ImportSummary />
      <ExportDialog />
      <ErrorPresenter />
      <IdentityDialog />
      <LikeDialog />
    </div>
  );
}
