// Checks for inspector inputs, built on the same zod schemas the operations use (nodeFieldSchemas),
// with messages in the UI language.
import { nodeFieldSchemas, SDG_PATTERN, LIMITS } from '../../../shared';
import type { Translate } from '../../i18n/I18nProvider';
import type { Check } from './fields';

export function textCheck(t: Translate, field: 'title' | 'description' | 'planRef' | 'responsible' | 'unit' | 'dataSource', required = false): Check<string | null> {
  return (raw) => {
    if (required && !raw.trim()) return { ok: false, error: t('invalidRequired') };
    if (!required && raw === '' && field !== 'description') return { ok: true, value: null };
    const r = nodeFieldSchemas[field].safeParse(raw);
    if (!r.success) return { ok: false, error: raw.length > LIMITS.maxTitleLength ? t('invalidTooLong') : t('invalidGeneric') };
    return { ok: true, value: raw };
  };
}

export function yearCheck(t: Translate): Check<number | null> {
  return (raw) => {
    if (raw.trim() === '') return { ok: true, value: null };
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1900 || n > 2200) return { ok: false, error: t('invalidYear') };
    return { ok: true, value: n };
  };
}

export function numberCheck(t: Translate): Check<number | null> {
  return (raw) => {
    if (raw.trim() === '') return { ok: true, value: null };
    const n = Number(raw.replace(',', '.').replace(/\s/g, ''));
    if (!Number.isFinite(n)) return { ok: false, error: t('invalidNumber') };
    return { ok: true, value: n };
  };
}

export function sdgCheck(t: Translate): Check<string[] | null> {
  return (raw) => {
    const parts = raw.split(/[\s,;]+/).filter(Boolean);
    if (!parts.length) return { ok: true, value: null };
    const bad = parts.find((p) => !SDG_PATTERN.test(p));
    if (bad) return { ok: false, error: t('invalidSdg', { v: bad }) };
    const r = nodeFieldSchemas.sdg.safeParse(parts);
    if (!r.success) return { ok: false, error: t('invalidGeneric') };
    return { ok: true, value: parts };
  };
}

export function urlCheck(t: Translate): Check<string | null> {
  return (raw) => {
    if (!raw.trim()) return { ok: true, value: null };
    if (raw.length > LIMITS.maxTitleLength) return { ok: false, error: t('invalidTooLong') };
    return { ok: true, value: raw };
  };
}
