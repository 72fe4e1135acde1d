import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { isLanguage } from '../i18n/language';

const MyLanguage = graphql(`
  query MyLanguage {
    me {
      patient {
        id
        preferredLanguage
      }
    }
  }
`);

/**
 * On sign-in, a patient whose profile names a language gets it, unless this browser holds a choice
 * of its own. Shows nothing.
 */
export function ProfileLanguage() {
  const { follow } = useI18n();
  const [{ data }] = useQuery({ query: MyLanguage });
  const profile = data?.me.patient?.preferredLanguage;
  useEffect(() => {
    if (isLanguage(profile)) follow(profile);
  }, [profile, follow]);
  return null;
}
