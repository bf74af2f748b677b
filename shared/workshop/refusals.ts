// How workshop operations say no: the shape of shared/operations' refusals, localized.
import type { z } from 'zod';
import type { Localized } from '../vocabulary';
import type { WorkshopRefusal, WorkshopRefusalCode } from './model';

export const refuse = (code: WorkshopRefusalCode, message: Localized, field?: string): WorkshopRefusal => ({
  ok: false,
  code,
  message,
  ...(field !== undefined ? { field } : {}),
});

export const notFound = (what: Localized, id: string): WorkshopRefusal =>
  refuse('not_found', {
    nb: `Finner ikke ${what.nb} «${id}».`,
    nn: `Finn ikkje ${what.nn} «${id}».`,
    en: `${what.en} "${id}" does not exist.`,
  });

/** Checks a record before it is written; a refusal names the field, as the interchange import does. */
export function checkRecord<T>(schema: z.ZodType<T>, value: unknown): WorkshopRefusal | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  const detail = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  return refuse(
    'invalid_field',
    { nb: `Ugyldig verdi for «${field}»: ${detail}`, nn: `Ugyldig verdi for «${field}»: ${detail}`, en: `Invalid value for "${field}": ${detail}` },
    field,
  );
}
