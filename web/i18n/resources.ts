import viCommon from './vi/common.json';
import viIdentity from './vi/identity.json';
import viCatalog from './vi/catalog.json';
import viAudit from './vi/audit.json';
import viPortal from './vi/portal.json';
import viCalendar from './vi/calendar.json';
import enCommon from './en/common.json';
import enIdentity from './en/identity.json';
import enCatalog from './en/catalog.json';
import enAudit from './en/audit.json';
import enPortal from './en/portal.json';
import enCalendar from './en/calendar.json';
import viNotifications from './vi/notifications.json';
import enNotifications from './en/notifications.json';
import viDossiers from './vi/dossiers.json';
import enDossiers from './en/dossiers.json';
import viSubmissions from './vi/submissions.json';
import enSubmissions from './en/submissions.json';
import viCitizen from './vi/citizen.json';
import enCitizen from './en/citizen.json';

import viRatings from './vi/ratings.json';
import enRatings from './en/ratings.json';
import viDashboards from './vi/dashboards.json';
import enDashboards from './en/dashboards.json';
import viPayments from './vi/payments.json';
import enPayments from './en/payments.json';
import viExchange from './vi/exchange.json';
import enExchange from './en/exchange.json';
import viFeedback from './vi/feedback.json';
import enFeedback from './en/feedback.json';
import viFeedbackPortal from './vi/feedback-portal.json';
import enFeedbackPortal from './en/feedback-portal.json';
import viDialogues from './vi/dialogues.json';
import enDialogues from './en/dialogues.json';
import viDocuments from './vi/documents.json';
import enDocuments from './en/documents.json';

/** Every UI string, one file per module and language; each file's top key is its module. */
export const resources = {
  vi: {
    translation: {
      ...viCommon,
      ...viIdentity,
      ...viCatalog,
      ...viAudit,
      ...viPortal,
      ...viCalendar,
      ...viNotifications,
      ...viDossiers,
      ...viSubmissions,
      ...viCitizen,
      ...viRatings,
      ...viDashboards,
      ...viPayments,
      ...viExchange,
      ...viFeedback,
      ...viFeedbackPortal,
      ...viDialogues,
      ...viDocuments,
    },
  },
  en: {
    translation: {
      ...enCommon,
      ...enIdentity,
      ...enCatalog,
      ...enAudit,
      ...enPortal,
      ...enCalendar,
      ...enNotifications,
      ...enDossiers,
      ...enSubmissions,
      ...enCitizen,
      ...enRatings,
      ...enDashboards,
      ...enPayments,
      ...enExchange,
      ...enFeedback,
      ...enFeedbackPortal,
      ...enDialogues,
      ...enDocuments,
    },
  },
};
