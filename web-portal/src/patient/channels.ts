import type { NotificationChannel } from '../gql/graphql';

/** The ways the clinic writes to a patient, in the order the forms offer them. */
export const CHANNELS: readonly NotificationChannel[] = ['EMAIL', 'SMS'];
