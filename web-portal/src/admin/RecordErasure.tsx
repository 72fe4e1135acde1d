import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ERASURE_FOR, missingFields } from '../api/formFields';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Done, Problem, buttonClass, quietButtonClass } from '../ui/States';

const RequestErasureFor = graphql(`
  mutation RequestErasureFor($patientId: ID!, $reason: String!) {
    requestErasureFor(patientId: $patientId, reason: $reason) {
      id
      state
    }
  }
`);

/**
 * On a patient's chart, for administrators: records the patient's request to be erased (by letter,
 * at the desk) with how and when they asked. Another administrator decides it under "Erasure requests".
 */
export function RecordErasure({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const { roles } = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [recorded, record] = useMutation(RequestErasureFor);
  const { errors, problem: refusal, passes } = useFormCheck(ERASURE_FOR, recorded.error);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (open) form.current?.querySelector('input')?.focus();
  }, [open]);
  if (!roles.includes('ADMIN')) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passes(missingFields(ERASURE_FOR, { reason }))) return;
    void record({ patientId, reason: reason.trim() }).then((result) => {
      if (result.data) setOpen(false);
    });
  };
  return (
    <section aria-labelledby="record-erasure" className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h3 id="record-erasure" className="font-semibold">
        {t('recordErasure.title')}
      </h3>
      {recorded.data && !open && <Done>{t('recordErasure.recorded')}</Done>}
      {!open && !recorded.data && (
        <div>
          <button type="button" className={quietButtonClass} onClick={() => setOpen(true)}>
            {t('recordErasure.open')}
          </button>
        </div>
      )}
      {open && (
        <form ref={form} onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
          <Field label={t('recordErasure.reason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)}
                 error={phrase(errors.reason)} />
          <button type="submit" className={buttonClass} disabled={recorded.fetching}>
            {t('recordErasure.send')}
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setOpen(false)}>
            {t('erasures.cancel')}
          </button>
        </form>
      )}
      <Problem>{phrase(refusal)}</Problem>
    </section>
  );
}
