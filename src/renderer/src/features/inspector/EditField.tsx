/**
 * A field edited in place: commits on Enter or when focus leaves, Esc reverts. Shows the
 * backend's value whenever it changes (after undo/redo), and the detector's original beside a
 * corrected value.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { registerFocus } from '../layout/ui';

export interface EditFieldProps {
  id: string;
  label: string;
  /** the value as text */
  value: string;
  /** commits a new text; return an error message to refuse it */
  onCommit: (text: string) => string | null | void;
  /** the detector's original, when the analyst changed this field */
  original?: string | null;
  originalLabel?: (value: string) => string;
  /** a live preview of the parsed text */
  preview?: (text: string) => ReactNode;
  focusName?: string;
  /** what the field is about (a finding id): when it changes, the field starts afresh */
  resetKey?: string;
  numeric?: boolean;
  /**
   * The value a text means (e.g. "1.7万" → "17000"): a text that means the field's value is
   * not committed, and the field shows the value again as it was
   */
  normalize?: (text: string) => string | null;
  testId?: string;
  lang?: string;
}

export function EditField(p: EditFieldProps): React.JSX.Element {
  const [text, setText] = useState(p.value);
  const [base, setBase] = useState(p.value);
  const [baseKey, setBaseKey] = useState(p.resetKey);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  // the text last sent, so Enter followed by blur commits once (one undo step)
  const sent = useRef<string | null>(null);
  // Esc reverts: the blur that follows must not commit the text typed before it
  const reverting = useRef(false);
  if (p.value !== base || p.resetKey !== baseKey) {
    setBase(p.value);
    setBaseKey(p.resetKey);
    setText(p.value);
    setError(null);
  }
  useEffect(() => {
    sent.current = null;
  }, [p.value, p.resetKey]);
  useEffect(() => {
    if (!p.focusName) return;
    return registerFocus(p.focusName, () => {
      ref.current?.focus();
      ref.current?.select();
    });
  }, [p.focusName]);
  const commit = (): boolean => {
    if (text === p.value || text === sent.current) return true;
    if (p.normalize) {
      const n = p.normalize(text);
      if (n !== null && n === p.normalize(p.value)) {
        setText(p.value);
        setError(null);
        return true;
      }
    }
    const err = p.onCommit(text);
    if (typeof err === 'string') {
      setError(err);
      return false;
    }
    sent.current = text;
    setError(null);
    return true;
  };
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <div className="field-input">
        <input
          id={p.id}
          ref={ref}
          className={p.numeric ? 'num' : undefined}
          value={text}
          lang={p.lang}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onBlur={() => {
            if (reverting.current) {
              reverting.current = false;
              return;
            }
            void commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (commit()) (e.target as HTMLInputElement).blur();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setText(p.value);
              setError(null);
              reverting.current = true;
              (e.target as HTMLInputElement).blur();
              reverting.current = false;
            }
          }}
          data-testid={p.testId}
        />
        {p.preview && text !== '' ? <span className="preview num">{p.preview(text)}</span> : null}
        {error ? <span className="field-error" role="alert">{error}</span> : null}
        {p.original !== undefined && p.original !== null ? (
          <span className="original num" data-testid={p.testId ? `${p.testId}-original` : undefined}>
            {p.originalLabel ? p.originalLabel(p.original) : p.original}
          </span>
        ) : null}
      </div>
    </div>
  );
}
