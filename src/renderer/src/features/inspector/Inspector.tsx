/** The right pane: the selected finding with its actions, fields, tags and note. */
import { useRef } from 'react';
import type { Finding, Review } from '../../../../core/store-schema';
import { useStore } from '../../lib/store';
import { DuplicatePanel } from '../duplicates/DuplicatePanel';
import { useI18n } from '../i18n/i18n';
import { MetadataEditor } from '../metadata/MetadataEditor';
import { OrphansPanel } from '../orphans/OrphansPanel';
import { primarySpan } from '../report/model';
import { applyAction, redo, reportStore, setStatus, step, undo } from '../report/store';
import { withKeys } from '../shortcuts/keys';
import { TagChips } from '../taxonomy/TagChips';
import { prefsStore } from '../report/prefs';
import { decide } from '../report/review-flow';
import { DefectPanel } from './DefectPanel';
import { FigureForm } from './FigureForm';
import { NoteField } from './NoteField';
import './inspector.css';
// team: teammates' decisions on the selected finding
import { TeamAdded, TeamLayers } from '../team/TeamLayers';

export function Inspector(): React.JSX.Element {
  const { t } = useI18n();
  const selectedId = useStore(reportStore, (s) => s.selectedId);
  const finding = useStore(reportStore, (s) => (s.selectedId ? s.model?.byId.get(s.selectedId) : undefined));
  const review = useStore(reportStore, (s) => (s.selectedId ? s.reviews[s.selectedId] : undefined));
  const canUndo = useStore(reportStore, (s) => s.canUndo);
  const canRedo = useStore(reportStore, (s) => s.canRedo);
  const hasDoc = useStore(reportStore, (s) => s.model !== null);
  const advance = useStore(prefsStore, (s) => s.advance);
  // The figure form and the defect panel stay mounted, hidden, while another kind of finding is
  // shown: `j` goes back and forth between figures and defects, and updating a form in place
  // costs far less than building it anew.
  const figure = useLast(finding?.type === 'figure' ? finding : null, review);
  const defect = useLast(finding?.type === 'defect' ? finding : null, review);
  const history = (
    <div className="history">
      <button type="button" onClick={() => void undo()} disabled={!canUndo || !hasDoc} title={withKeys(t('action.undo'), 'undo')} data-testid="undo">
        ↶ {t('action.undo')}
      </button>
      <button type="button" onClick={() => void redo()} disabled={!canRedo || !hasDoc} title={withKeys(t('action.redo'), 'redo')} data-testid="redo">
        ↷ {t('action.redo')}
      </button>
    </div>
  );
  if (!selectedId || !finding) {
    return (
      <div className="inspector" data-testid="inspector">
        {history}
        <OrphansPanel />
        <p className="muted">{t(hasDoc ? 'inspector.empty' : 'inspector.noReport')}</p>
        {/* team: */}
        <TeamAdded />
        <MetadataEditor />
      </div>
    );
  }
  return (
    <div className="inspector" data-testid="inspector" data-finding-id={finding.id}>
      {history}
      <OrphansPanel />
      <FindingHeader finding={finding} review={review} />
      {/* team: */}
      <TeamLayers findingId={finding.id} type={finding.type} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => decide(finding.id, 'accepted')} title={withKeys(t('action.accept'), 'accept')} data-testid="accept">
          ✓ {t('action.accept')}
        </button>
        <button type="button" onClick={() => decide(finding.id, 'rejected')} title={withKeys(t('action.reject'), 'reject')} data-testid="reject">
          ✕ {t('action.reject')}
        </button>
        <button type="button" onClick={() => decide(finding.id, 'skip')} title={withKeys(t('action.skip'), 'skip')} data-testid="skip">
          ↷ {t('action.skip')}
        </button>
        <button
          type="button"
          onClick={() => {
            void setStatus([finding.id], 'accepted');
            step(1);
          }}
          title={withKeys(t('action.acceptNext'), 'acceptNext')}
        >
          {t('action.acceptNext')} ↵
        </button>
        {finding.origin === 'manual' ? (
          <button type="button" className="danger" onClick={() => void applyAction({ type: 'removeFinding', findingId: finding.id })} data-testid="remove">
            {t('action.remove')}
          </button>
        ) : null}
      </div>
      <label className="check small advance" title={t('review.advanceTitle')}>
        <input type="checkbox" checked={advance} onChange={(e) => prefsStore.patch({ advance: e.target.checked })} data-testid="advance-setting" />
        {t('review.advance')}
      </label>
      {figure ? (
        <div hidden={finding.type !== 'figure'}>
          <FigureForm finding={figure.finding} review={figure.review} active={finding.type === 'figure'} />
        </div>
      ) : null}
      {finding.type === 'duplicate' ? <DuplicatePanel key={finding.id} finding={finding} review={review} /> : null}
      {defect ? (
        <div hidden={finding.type !== 'defect'}>
          <DefectPanel finding={defect.finding} review={defect.review} active={finding.type === 'defect'} />
        </div>
      ) : null}
      <section className="field-group">
        <h3>{t('field.tags')}</h3>
        <TagChips findingId={finding.id} tags={review?.tags ?? []} />
      </section>
      <NoteField findingId={finding.id} note={review?.note ?? ''} />
    </div>
  );
}

function FindingHeader({ finding, review }: { finding: Finding; review: Review | undefined }): React.JSX.Element {
  const { t } = useI18n();
  const status = review?.status ?? 'suggested';
  const span = primarySpan(finding);
  return (
    <header className="finding-head">
      <div>
        <strong>{t(`type.${finding.type}`)}</strong> · {t(`kind.${finding.data.kind}`)}{' '}
        <span className={`badge st-${status}`} data-testid="finding-status" data-status={status}>
          {t(`status.${status}`)}
        </span>
      </div>
      <div className="muted small">
        {t(finding.origin === 'manual' ? 'inspector.origin.manual' : 'inspector.origin.detector')} · <span className="num">{t('inspector.position', { start: span.start, end: span.end })}</span>
      </div>
    </header>
  );
}

/** The last finding of one type shown (with its review), kept while other findings are shown. */
function useLast<F extends Finding>(finding: F | null, review: Review | undefined): { finding: F; review: Review | undefined } | null {
  const last = useRef<{ finding: F; review: Review | undefined } | null>(null);
  if (finding && (last.current?.finding !== finding || last.current.review !== review)) last.current = { finding, review };
  return last.current;
}
