import { createBrowserRouter } from 'react-router';
import { PortalLayout } from './PortalLayout';
import { AdminLayout } from './AdminLayout';
import { AdminHome } from './AdminHome';
import { NotFoundPage } from '../ui/NotFoundPage';
import { RouteError } from '../ui/RouteError';
import { PageSpinner } from '../ui/PageSpinner';

// Pages load on demand so the portal does not download the back office and vice versa.
/** The app's routes: public portal at `/`, back office at `/admin`. */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: PortalLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/portal/PortalHomePage')).PortalHomePage }) },
      { path: 'thu-tuc', lazy: async () => ({ Component: (await import('../features/portal/ProcedureSearchPage')).ProcedureSearchPage }) },
      { path: 'thu-tuc/:code', lazy: async () => ({ Component: (await import('../features/portal/ProcedureDetailPage')).ProcedureDetailPage }) },
      { path: 'tra-cuu', lazy: async () => ({ Component: (await import('../features/lookup/LookupPage')).LookupPage }) },
      { path: 'tra-cuu/:code', lazy: async () => ({ Component: (await import('../features/lookup/LookupPage')).LookupPage }) },
      // Where the payment gateway sends the payer back (server: payments.config.ts returnUrl).
      { path: 'thanh-toan/ket-qua', lazy: async () => ({ Component: (await import('../features/payments/PaymentReturnPage')).PaymentReturnPage }) },
      // The address in the QR code of an electronic result's certificate (server: dossiers/use-cases/issue-result.ts).
      { path: 'xac-thuc-ket-qua/:token', lazy: async () => ({ Component: (await import('../features/results/VerifyResultPage')).VerifyResultPage }) },
      // Satisfaction ratings: the desk's kiosk, and the page the link sent when a dossier ended opens (ratings.notify.ts).
      { path: 'minh-bach', lazy: async () => ({ Component: (await import('../features/dashboards/TransparencyPage')).TransparencyPage }) },
      { path: 'danh-gia', lazy: async () => ({ Component: (await import('../features/ratings/RatingKioskPage')).RatingKioskPage }) },
      { path: 'danh-gia/loi-moi', lazy: async () => ({ Component: (await import('../features/ratings/RatingLinkPage')).RatingLinkPage }) },
      // The account area of citizens and businesses; the server's mail links lead to some of these (identity.notify.ts).
      { path: 'dang-ky', lazy: async () => ({ Component: (await import('../features/portal-account/RegisterPage')).RegisterPage }) },
      { path: 'dang-nhap', lazy: async () => ({ Component: (await import('../features/portal-account/PortalLoginPage')).PortalLoginPage }) },
      { path: 'xac-nhan-email', lazy: async () => ({ Component: (await import('../features/portal-account/ConfirmEmailPage')).ConfirmEmailPage }) },
      { path: 'xac-nhan-so-dien-thoai', lazy: async () => ({ Component: (await import('../features/portal-account/ConfirmPhonePage')).ConfirmPhonePage }) },
      { path: 'quen-mat-khau', lazy: async () => ({ Component: (await import('../features/portal-account/ForgotPasswordPage')).ForgotPasswordPage }) },
      { path: 'dat-lai-mat-khau', lazy: async () => ({ Component: (await import('../features/portal-account/ResetPasswordPage')).ResetPasswordPage }) },
      { path: 'tai-khoan', lazy: async () => ({ Component: (await import('../features/portal-account/AccountPage')).AccountPage }) },
      { path: 'ho-so-cua-toi', lazy: async () => ({ Component: (await import('../features/my-dossiers/MyDossiersPage')).MyDossiersPage }) },
      { path: 'ho-so-cua-toi/:id', lazy: async () => ({ Component: (await import('../features/my-dossiers/MyDossierDetailPage')).MyDossierDetailPage }) },
      // Online submission (issue 11): start or resume by procedure, the account's applications, one application.
      { path: 'nop-ho-so/:procedureId', lazy: async () => ({ Component: (await import('../features/submissions/StartSubmissionPage')).StartSubmissionPage }) },
      { path: 'ho-so-nop-truc-tuyen', lazy: async () => ({ Component: (await import('../features/submissions/MySubmissionsPage')).MySubmissionsPage }) },
      { path: 'ho-so-nop-truc-tuyen/:id', lazy: async () => ({ Component: (await import('../features/submissions/SubmissionPage')).SubmissionPage }) },
      // Feedback and petitions on administrative regulations (issue 14): the public answers, filing, the sender's page.
      { path: 'phan-anh-kien-nghi', lazy: async () => ({ Component: (await import('../features/feedback-portal/PublicFeedbackPage')).PublicFeedbackPage }) },
      { path: 'phan-anh-kien-nghi/gui', lazy: async () => ({ Component: (await import('../features/feedback-portal/FileFeedbackPage')).FileFeedbackPage }) },
      { path: 'phan-anh-kien-nghi/cua-toi', lazy: async () => ({ Component: (await import('../features/feedback-portal/MyFeedbackPage')).MyFeedbackPage }) },
      {
        path: 'phan-anh-kien-nghi/cong-khai/:code',
        lazy: async () => ({ Component: (await import('../features/feedback-portal/PublicFeedbackDetailPage')).PublicFeedbackDetailPage }),
      },
      // Where the messages to a sender lead (server: feedback use-cases/common.ts senderLink; ?khoa= carries the secret).
      { path: 'phan-anh-kien-nghi/:code', lazy: async () => ({ Component: (await import('../features/feedback-portal/SenderFeedbackPage')).SenderFeedbackPage }) },
      // Government–citizen dialogue (issue 14 item 5): sessions, questions from the public, commitments and their progress.
      { path: 'doi-thoai', lazy: async () => ({ Component: (await import('../features/dialogues/PublicDialoguesPage')).PublicDialoguesPage }) },
      { path: 'doi-thoai/:id', lazy: async () => ({ Component: (await import('../features/dialogues/PublicDialoguePage')).PublicDialoguePage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
  {
    path: '/admin/login',
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    lazy: async () => ({ Component: (await import('../features/identity/LoginPage')).LoginPage }),
  },
  {
    path: '/admin',
    Component: AdminLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    children: [
      { index: true, Component: AdminHome },
      { path: 'units', lazy: async () => ({ Component: (await import('../features/identity/UnitsPage')).UnitsPage }) },
      { path: 'officers', lazy: async () => ({ Component: (await import('../features/identity/OfficersPage')).OfficersPage }) },
      { path: 'procedures', lazy: async () => ({ Component: (await import('../features/catalog/ProceduresAdminPage')).ProceduresAdminPage }) },
      { path: 'procedures/new', lazy: async () => ({ Component: (await import('../features/catalog/ProcedureEditorPage')).ProcedureEditorPage }) },
      { path: 'procedures/quality', lazy: async () => ({ Component: (await import('../features/catalog/QualityWorklistPage')).QualityWorklistPage }) },
      { path: 'procedures/import', lazy: async () => ({ Component: (await import('../features/catalog/ProcedureImportPage')).ProcedureImportPage }) },
      { path: 'procedures/:id', lazy: async () => ({ Component: (await import('../features/catalog/ProcedureEditorPage')).ProcedureEditorPage }) },
      { path: 'calendar', lazy: async () => ({ Component: (await import('../features/calendar/CalendarAdminPage')).CalendarAdminPage }) },
      { path: 'calendar/calculator', lazy: async () => ({ Component: (await import('../features/calendar/DeadlineCalculatorPage')).DeadlineCalculatorPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/AuditLogPage')).AuditLogPage }) },
      { path: 'ratings', lazy: async () => ({ Component: (await import('../features/ratings/RatingsSummaryPage')).RatingsSummaryPage }) },
      { path: 'indicators', lazy: async () => ({ Component: (await import('../features/dashboards/IndicatorsPage')).IndicatorsPage }) },
      { path: 'payments', lazy: async () => ({ Component: (await import('../features/payments/PaymentsPage')).PaymentsPage }) },
      { path: 'notifications', lazy: async () => ({ Component: (await import('../features/notifications/OutboxPage')).OutboxPage }) },
      { path: 'exchange', lazy: async () => ({ Component: (await import('../features/exchange/ExchangePage')).ExchangePage }) },
      { path: 'dossiers', lazy: async () => ({ Component: (await import('../features/dossiers/DossierQueuePage')).DossierQueuePage }) },
      { path: 'dossiers/intake', lazy: async () => ({ Component: (await import('../features/dossiers/IntakePage')).IntakePage }) },
      { path: 'online-submissions', lazy: async () => ({ Component: (await import('../features/submissions/DeskQueuePage')).DeskQueuePage }) },
      { path: 'online-submissions/:id', lazy: async () => ({ Component: (await import('../features/submissions/DeskReviewPage')).DeskReviewPage }) },
      { path: 'dossiers/:id', lazy: async () => ({ Component: (await import('../features/dossiers/DossierDetailPage')).DossierDetailPage }) },
      { path: 'feedback', lazy: async () => ({ Component: (await import('../features/feedback/FeedbackQueuePage')).FeedbackQueuePage }) },
      { path: 'feedback/new', lazy: async () => ({ Component: (await import('../features/feedback/FeedbackIntakePage')).FeedbackIntakePage }) },
      { path: 'feedback/:id', lazy: async () => ({ Component: (await import('../features/feedback/FeedbackDetailPage')).FeedbackDetailPage }) },
      { path: 'dialogues', lazy: async () => ({ Component: (await import('../features/dialogues/DialoguesAdminPage')).DialoguesAdminPage }) },
      { path: 'dialogues/:id', lazy: async () => ({ Component: (await import('../features/dialogues/DialogueAdminPage')).DialogueAdminPage }) },
      { path: 'commitments', lazy: async () => ({ Component: (await import('../features/dialogues/CommitmentsPage')).CommitmentsPage }) },
      // Official documents (issue 15, NĐ 30/2020/NĐ-CP): the incoming and outgoing registers, registering, drafting, one document.
      { path: 'documents/incoming', lazy: async () => ({ Component: (await import('../features/documents/IncomingRegisterPage')).IncomingRegisterPage }) },
      { path: 'documents/incoming/new', lazy: async () => ({ Component: (await import('../features/documents/IncomingNewPage')).IncomingNewPage }) },
      { path: 'documents/incoming/:id', lazy: async () => ({ Component: (await import('../features/documents/IncomingDetailPage')).IncomingDetailPage }) },
      { path: 'documents/outgoing', lazy: async () => ({ Component: (await import('../features/documents/OutgoingRegisterPage')).OutgoingRegisterPage }) },
      { path: 'documents/outgoing/new', lazy: async () => ({ Component: (await import('../features/documents/OutgoingNewPage')).OutgoingNewPage }) },
      { path: 'documents/outgoing/:id', lazy: async () => ({ Component: (await import('../features/documents/OutgoingDetailPage')).OutgoingDetailPage }) },
      { path: 'documents/settings', lazy: async () => ({ Component: (await import('../features/documents/DocumentSettingsPage')).DocumentSettingsPage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
