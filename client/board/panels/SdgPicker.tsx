// Picks bærekraftsmål from the catalogue (shared/sdg.ts): search by number or name, add a goal
// with one click or Enter, remove one from its chip. Targets ("8.5") are still typed in the codes
// field above; this adds whole goals and shows what each code means.
import { useId, useState } from 'react';
import { sdgGoalOf, sdgTextColour, searchSdg } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  codes: string[];
  readOnly: boolean;
  commit(codes: string[] | null): string | null;
}

export function SdgChip({ code }: { code: string }) {
  const { pick } = useI18n();
  const goal = sdgGoalOf(code);
  const style = goal ? { background: goal.colour, color: sdgTextColour(goal.colour), borderColor: goal.colour } : undefined;
  return (
    <span className="mk-sdg-tag" style={style} title={goal ? `${goal.number} ${pick(goal.name)}` : undefined} data-sdg={code}>
      SDG {code}
    </span>
  );
}

export function SdgPicker({ codes, readOnly, commit }: Props) {
  const { t, pick } = useI18n();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const results = query.trim() ? searchSdg(query).slice(0, 6) : [];
  const add = (n: number) => {
    if (codes.includes(String(n))) return;
    setError(commit([...codes, String(n)]));
    setQuery('');
  };
  const remove = (code: string) => {
    const next = codes.filter((c) => c !== code);
    setError(commit(next.length ? next : null));
  };
  return (
    <div className="mk-sdg-picker" data-testid="sdg-picker">
      {codes.length > 0 && (
        <ul className="mk-sdg-chosen" aria-label={t('sdgChosen')}>
          {codes.map((c) => (
            <li key={c}>
              <SdgChip code={c} /> <span className="mk-sdg-name">{sdgGoalOf(c) ? pick(sdgGoalOf(c)!.name) : ''}</span>
              {!readOnly && (
                <button type="button" className="mk-btn mk-btn-small" onClick={() => remove(c)} aria-label={t('sdgRemove', { code: c })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <label className="mk-field" htmlFor={id}>
          <span>{t('sdgSearch')}</span>
          <input
            id={id}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && results[0]) {
                e.preventDefault();
                add(results[0].number);
              }
            }}
            data-testid="sdg-search"
          />
        </label>
      )}
      {results.length > 0 && (
        <ul className="mk-sdg-results" aria-label={t('sdgResults')}>
          {results.map((g) => (
            <li key={g.number}>
              <button type="button" className="mk-list-btn" onClick={() => add(g.number)} disabled={codes.includes(String(g.number))} data-sdg-add={g.number}>
                <SdgChip code={String(g.number)} /> {pick(g.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() && results.length === 0 && <p className="mk-muted">{t('sdgNoMatch')}</p>}
      {error && <p className="mk-error" role="alert">{error}</p>}
    </div>
  );
}
