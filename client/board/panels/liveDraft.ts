// The draft of an inspector field that stays live: a change made elsewhere shows at once, also
// while the field is open. If the person is in that field when it happens, they are told who
// changed it; if they are mid-edit (their draft is not what was last stored) their draft is
// kept rather than silently replaced, and the notice says what the other person wrote.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import type { Writer } from './lastWriter';

export interface FieldNotice {
  text: string;
  /** The other person's value while the person's own draft is kept. */
  theirs?: string;
}

export function useLiveDraft(value: string, whoChanged?: () => Writer | null) {
  const t = useT();
  const [draft, setDraftState] = useState(value);
  const [notice, setNotice] = useState<FieldNotice | null>(null);
  const draftRef = useRef(value);
  const seen = useRef(value);
  /** The draft that showed the last seen value (the same text, or how this person typed it). */
  const inSync = useRef(value);
  const focused = useRef(false);
  const whoRef = useRef(whoChanged);
  whoRef.current = whoChanged;

  const setDraft = useCallback((v: string) => {
    draftRef.current = v;
    setDraftState(v);
  }, []);
  const show = useCallback((v: string) => {
    inSync.current = v;
    setDraft(v);
  }, [setDraft]);

  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    const mine = draftRef.current;
    if (value === mine) {
      inSync.current = mine; // this person's own write coming back
      return;
    }
    if (!focused.current) return show(value);
    const writer = whoRef.current?.() ?? null;
    if (writer?.self) {
      // Their own write, stored in its normal form ("12,5" as 12.5): leave what they are typing alone.
      inSync.current = mine;
      return;
    }
    const name = writer?.name ?? t('someoneElse');
    if (mine === inSync.current) {
      show(value);
      setNotice({ text: t('fieldChangedBy', { name }) });
    } else {
      setNotice({ text: t('fieldChangedWhileEditing', { name, value: value || t('fieldEmptyValue') }), theirs: value });
    }
  }, [value, show, t]);

  return {
    draft,
    setDraft,
    /** Shows the stored value again (leaving a field with an invalid draft). */
    reset: show,
    notice,
    /** Takes the other person's value (the notice's button). */
    useTheirs: () => {
      show(seen.current);
      setNotice(null);
    },
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      setNotice(null);
    },
    focused,
  };
}
