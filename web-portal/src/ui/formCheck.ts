import { useState } from 'react';
import type { CombinedError } from 'urql';
import { formErrors, type FormFields } from '../api/formFields';

type Names<F> = Extract<keyof F, string>;

/**
 * A form's errors: its own check before sending (required fields, values it can read), else the
 * BFF's refusal of what was sent, each as a sentence on its field.
 */
export function useFormCheck<F extends FormFields>(form: F, sent: CombinedError | undefined) {
  const [found, setFound] = useState<Partial<Record<Names<F>, string>>>({});
  const refused = formErrors(form, sent);
  const before = Object.keys(found).length > 0;
  return {
    errors: before ? found : refused.fields,
    problem: before ? 'Please check the marked fields.' : refused.problem,
    /** Records what the form found wrong; true when the input may be sent. */
    passes(wrong: Partial<Record<Names<F>, string>>): boolean {
      setFound(wrong);
      return Object.keys(wrong).length === 0;
    },
  };
}
