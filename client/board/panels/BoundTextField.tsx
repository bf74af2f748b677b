// The card's title or description as a field bound character by character to its Y.Text
// (yTextBinding.ts): what others type appears while the field is open, and this person's
// keystrokes are merged into theirs instead of writing a copy of the whole text back.
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { plainValue, type TextField } from '../../../shared';
import { useBoardContext } from '../BoardContext';
import { bindTextField } from '../yTextBinding';
import type { Check } from './fields';
import { useContentLang } from '../contentLang';

interface Props {
  cardId: string;
  field: TextField;
  label: string;
  id?: string;
  multiline?: boolean;
  maxLength: number;
  check: Check<unknown>;
  testId?: string;
}

/** The node's value of `field` (a Y.Text, or a plain string on an older board), re-read when the key changes. */
function useFieldValue(cardId: string, field: TextField): unknown {
  const { store } = useBoardContext();
  const subscribe = useCallback((fn: () => void) => {
    const { nodes } = store.maps;
    let ynode = nodes.get(cardId);
    const onNode = (ev: Y.YMapEvent<unknown>) => {
      if (ev.keysChanged.has(field)) fn();
    };
    const onNodes = (ev: Y.YMapEvent<Y.Map<unknown>>) => {
      if (!ev.keysChanged.has(cardId)) return;
      ynode?.unobserve(onNode);
      ynode = nodes.get(cardId);
      ynode?.observe(onNode);
      fn();
    };
    ynode?.observe(onNode);
    nodes.observe(onNodes);
    return () => {
      ynode?.unobserve(onNode);
      nodes.unobserve(onNodes);
    };
  }, [store, cardId, field]);
  return useSyncExternalStore(subscribe, () => store.maps.nodes.get(cardId)?.get(field));
}

export function BoundTextField({ cardId, field, label, id, multiline, maxLength, check, testId }: Props) {
  const { actions, readOnly } = useBoardContext();
  const contentLang = useContentLang(); // what is typed here is the board's text
  const auto = useId();
  const inputId = id ?? auto;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const stored = useFieldValue(cardId, field);
  const [error, setError] = useState<string | null>(null);
  const checkRef = useRef(check);
  checkRef.current = check;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const validate = () => {
      const r = checkRef.current(el.value);
      setError(r.ok ? null : r.error);
    };
    if (!(stored instanceof Y.Text)) {
      // An older board's plain title: shown as is, bound once this person starts to edit (onFocus).
      el.value = String(plainValue(stored) ?? '');
      return;
    }
    const stop = bindTextField(el, stored, { origin: actions.origin, onLocal: validate, onRemote: validate });
    validate();
    return stop;
  }, [stored, actions]);

  const common = {
    id: inputId,
    lang: contentLang,
    ref,
    readOnly,
    maxLength,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${inputId}-err` : undefined,
    'data-testid': testId,
    'data-bound': stored instanceof Y.Text ? 'ytext' : 'plain',
    onFocus: () => {
      if (!(stored instanceof Y.Text) && !readOnly) actions.cardText(cardId, field);
    },
  };
  return (
    <div className={`mk-field${error ? ' has-error' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" />}
      {error && (
        <span id={`${inputId}-err`} className="mk-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
